package ir.kanoon.governance.support;

import io.quarkus.scheduler.Scheduled;
import ir.kanoon.governance.board.BoardService;
import ir.kanoon.governance.compliance.ComplianceService;
import ir.kanoon.platform.province.Province;
import ir.kanoon.platform.province.Provinces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Daily (Tehran time): ends expired terms (a vacancy appears, the trustee role goes), alerts on terms ending soon,
 * and re-evaluates every province's compliance, publishing what changed (a Board that has not met for 2 months
 * turns to VIOLATION without anyone calling the API).
 */
@ApplicationScoped
public class GovernanceDailyJob {

    @Inject
    BoardService board;
    @Inject
    ComplianceService compliance;

    @Scheduled(cron = "{kanoon.governance.daily.cron}", timeZone = "Asia/Tehran",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void run() {
        board.runDaily();
        for (Province p : Provinces.all()) {
            compliance.reevaluate(p.code());
        }
    }
}
