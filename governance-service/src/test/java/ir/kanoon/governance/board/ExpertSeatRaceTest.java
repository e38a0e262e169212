package ir.kanoon.governance.board;

import io.agroal.api.AgroalDataSource;
import ir.kanoon.platform.testing.KanoonTest;
import ir.kanoon.platform.testing.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static ir.kanoon.governance.support.Gov.base;
import static ir.kanoon.governance.support.Gov.decree;
import static ir.kanoon.governance.support.Gov.etag;
import static ir.kanoon.governance.support.Gov.nominate;
import static ir.kanoon.governance.support.Gov.postIfMatch;
import static ir.kanoon.governance.support.Gov.readyForDecree;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 14, Concurrency: the Board has four entrepreneur-expert seats (R2/R4, Art. 6); eleven decrees issued at
 * once for eleven introduced experts fill exactly four, and the other seven are refused with 409 naming Art. 6.
 */
@KanoonTest
class ExpertSeatRaceTest {

    private static final String PROVINCE = "IR-20";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void r2_elevenParallelExpertDecreesForFourSeats_exactlyFourAppointed_sevenAre409Art6() throws Exception {
        int n = 11;
        List<String> ids = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = nominate(PROVINCE, "ENTREPRENEUR_EXPERT");
            readyForDecree(PROVINCE, id, "ENTREPRENEUR_EXPERT");
            ids.add(id);
            tags.add(etag(TestTokens.secretariat(PROVINCE), base(PROVINCE) + "/" + id));
        }
        String token = TestTokens.planningDeputy(PROVINCE);
        CyclicBarrier start = new CyclicBarrier(n);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<String>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                String id = ids.get(i);
                String tag = tags.get(i);
                answers.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    var r = postIfMatch(token, base(PROVINCE) + "/" + id + "/decree", tag,
                            decree("ح-race-" + id.substring(0, 8))).extract();
                    return r.statusCode() + (r.statusCode() == 409 ? " " + r.path("rule") : "");
                }));
            }
            List<String> codes = new ArrayList<>();
            for (Future<String> f : answers) {
                codes.add(f.get(120, TimeUnit.SECONDS));
            }
            assertEquals(4, codes.stream().filter(c -> c.equals("200")).count(), codes::toString);
            assertEquals(7, codes.stream().filter(c -> c.equals("409 Art. 6")).count(), codes::toString);
        } finally {
            pool.shutdownNow();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM appointment WHERE province = ? AND seat = 'ENTREPRENEUR_EXPERT' AND status = 'ACTIVE'")) {
            s.setString(1, PROVINCE);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                assertEquals(4, r.getLong(1));
            }
        }
    }
}
