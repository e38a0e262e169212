package ir.kanoon.membership.member;

import io.quarkus.scheduler.Scheduled;
import ir.kanoon.platform.jalali.TehranTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.LocalDate;

/**
 * Every night (Tehran time) expires the members whose term has ended (R8: membership lasts a term) and
 * publishes {@code member.expired} for each, which also revokes their Keycloak role. Replicas may run it
 * at once: rows are taken with {@code FOR UPDATE SKIP LOCKED}.
 */
@ApplicationScoped
public class MemberExpiryJob {

    private static final Logger LOG = Logger.getLogger(MemberExpiryJob.class);

    @Inject
    MemberService members;

    @Inject
    MembershipConfig config;

    @Scheduled(identity = "member-expiry", cron = "{kanoon.membership.expiry.cron}", timeZone = "Asia/Tehran",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        run(TehranTime.today());
    }

    /** Expires everything due on {@code today}; returns the count. */
    public int run(LocalDate today) {
        int total = 0;
        int batch;
        do {
            batch = members.expireBatch(today);
            total += batch;
        } while (batch == config.expiryBatchSize());
        if (total > 0) {
            LOG.infof("expired %d membership(s) whose term ended before %s", total, today);
        }
        return total;
    }
}
