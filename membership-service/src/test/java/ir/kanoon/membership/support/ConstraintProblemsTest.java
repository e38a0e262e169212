package ir.kanoon.membership.support;

import io.agroal.api.AgroalDataSource;
import ir.kanoon.platform.testing.KanoonTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static ir.kanoon.membership.support.Fixtures.entrepreneur;
import static ir.kanoon.membership.support.Fixtures.nationalId;
import static ir.kanoon.membership.support.Fixtures.person;
import static ir.kanoon.membership.support.Fixtures.postCurrent;
import static ir.kanoon.membership.support.Fixtures.secretariat;
import static ir.kanoon.membership.support.Fixtures.submit;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When the database itself refuses a write by one of the one-person rule's unique indexes (the backstop
 * behind OnePersonRule's check), the client gets the rule's problem (MembershipConstraints), not the
 * generic {@code /problems/duplicate}, with no province in it; and the logs do not carry the national ID.
 *
 * <p>The index is made to fire by writing the conflicting member row directly, past the service's check —
 * as a request that raced past it would.
 */
@KanoonTest
class ConstraintProblemsTest {

    private static final String PROVINCE = "IR-26";
    private static final String OTHER_PROVINCE = "IR-27";
    private static final AtomicInteger NUMBERS = new AtomicInteger();

    @Inject
    AgroalDataSource dataSource;

    @Test
    void onePersonIndex_raisedByTheDatabase_isThePersonRuleProblem_withoutProvince() throws Exception {
        String nid = nationalId();
        String app = admissionBlockedByTheIndex(nid);
        postCurrent(secretariat(PROVINCE), app, "decision",
                Map.of("decision", "APPROVED", "resolutionRef", "HT-1405-30", "reason", "واجد شرایط"))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/person.existing-membership"))
                .body("detail", not(containsString(OTHER_PROVINCE)))
                .body("detail", not(containsString("Golestan")))
                .body("detail", not(containsString(nid)));
    }

    @Test
    void uniqueViolation_logsNoNationalId() throws Exception {
        String nid = nationalId();
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                StringBuilder line = new StringBuilder(r.getLevel() + " " + r.getLoggerName() + " ");
                line.append(new java.util.logging.SimpleFormatter().formatMessage(r));
                for (Throwable t = r.getThrown(); t != null; t = t.getCause()) {
                    line.append(" | ").append(t);
                }
                synchronized (logged) {
                    logged.add(line.toString());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(java.util.logging.Level.ALL);
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            String app = admissionBlockedByTheIndex(nid);
            postCurrent(secretariat(PROVINCE), app, "decision",
                    Map.of("decision", "APPROVED", "resolutionRef", "HT-1405-31", "reason", "واجد شرایط"))
                    .statusCode(409);
        } finally {
            root.removeHandler(capture);
        }
        String all;
        synchronized (logged) {
            all = String.join("\n", logged);
        }
        // the violation was logged (else this test would prove nothing) …
        assertTrue(all.contains("member_one_per_person"), "expected the unique violation in the log:\n" + all);
        // … without the key's value: "Key (national_id)=(…)" is personal data (conventions: never in logs)
        assertFalse(all.contains(nid), "the national ID reached the log:\n" + all);
    }

    /**
     * An application of {@code nid} under review in {@link #PROVINCE}, and — written straight into the table,
     * as a concurrent admission would have — an ACTIVE membership of the same person in another province.
     */
    private String admissionBlockedByTheIndex(String nid) throws Exception {
        String appId = submit(person("cp-" + nid, nid), entrepreneur(PROVINCE, nid)).statusCode(201)
                .extract().path("id");
        String app = "/api/v1/applications/" + appId;
        postCurrent(secretariat(PROVINCE), app, "review", null).statusCode(200);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO member (id, version, membership_number, province, status, user_subject, application_id,
                    category, first_name, last_name, national_id, birth_date, mobile, city, search_text,
                    admitted_on, term_end, created_at, updated_at)
                VALUES (?, 0, ?, ?, 'ACTIVE', ?, ?, 'ENTREPRENEUR', 'x', 'y', ?, DATE '1980-01-01', '09120000000',
                    'z', 'xy', current_date, current_date + 700, now(), now())""")) {
            ps.setObject(1, UUID.randomUUID());
            ps.setString(2, OTHER_PROVINCE + "-1390-" + String.format("%05d", NUMBERS.incrementAndGet()));
            ps.setString(3, OTHER_PROVINCE);
            ps.setString(4, "racer-" + nid);
            ps.setObject(5, UUID.fromString(appId));
            ps.setString(6, nid);
            ps.executeUpdate();
        }
        return app;
    }
}
