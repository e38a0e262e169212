package ir.kanoon.governance.compliance;

import io.agroal.api.AgroalDataSource;
import io.restassured.path.json.JsonPath;
import ir.kanoon.platform.jalali.JalaliDate;
import ir.kanoon.platform.jalali.JalaliQuarter;
import ir.kanoon.platform.jalali.TehranClock;
import ir.kanoon.platform.testing.KanoonTest;
import ir.kanoon.platform.testing.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The national compliance view (all 31 provinces; issue 13, figure 5: under 200 ms) reads every province's facts with
 * a few set-based statements in one transaction, and shows for each province exactly what the province's own view
 * shows (Art. 6, Art. 6 Note 2, Art. 7 Note, Art. 8, Art. 9, Art. 9 Note 2, Art. 6 Note 4).
 */
@KanoonTest
class NationalComplianceTest {

    static final String P = "IR-32";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    TehranClock clock;

    static UUID ending;

    /** IR-32 (no other test uses it): facts of every kind, straight into the tables, once. */
    @BeforeEach
    void seed() throws Exception {
        if (ending != null) {
            return;
        }
        ending = UUID.randomUUID();
        LocalDate today = clock.today();
        JalaliQuarter last = JalaliQuarter.of(today).previous();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO board (province, created_at) VALUES ('" + P + "', now()) ON CONFLICT DO NOTHING");
            s.execute("INSERT INTO appointment (id, province, seat, status, full_name, national_id, nominated_by, recorded_by, "
                    + "recorded_at, decree_number, decree_issued_on, term_end, slot, updated_at) VALUES ('" + ending + "', '" + P
                    + "', 'FACULTY', 'ACTIVE', 'استاد', '0012345679', 'MAIN_UNIVERSITY', 't', now(), 'D-1', DATE '" + today.minusYears(1)
                    + "', DATE '" + today.plusDays(10) + "', 1, now())");
            s.execute("INSERT INTO appointment (id, province, seat, status, full_name, national_id, nominated_by, recorded_by, "
                    + "recorded_at, updated_at) VALUES ('" + UUID.randomUUID() + "', '" + P + "', 'ENTREPRENEUR_EXPERT', 'INTRODUCED', "
                    + "'کارآفرین', '0023456781', 'LABOUR_DG', 't', now(), now())");
            s.execute("INSERT INTO officer (id, province, office, appointment_id, status, proposed_by, proposed_at, updated_at) "
                    + "VALUES ('" + UUID.randomUUID() + "', '" + P + "', 'PRESIDENT', '" + ending + "', 'ACTIVE', 't', now(), now())");
            s.execute("INSERT INTO meeting_fact (meeting_id, province, body, held_on) VALUES ('" + UUID.randomUUID() + "', '" + P
                    + "', 'BOARD_OF_TRUSTEES', DATE '" + today.minusDays(10) + "'), ('" + UUID.randomUUID() + "', '" + P
                    + "', 'BOARD_OF_TRUSTEES', DATE '" + today.minusDays(40) + "'), ('" + UUID.randomUUID() + "', '" + P
                    + "', 'ASSOCIATION', DATE '" + today.minusDays(45) + "')");
            s.execute("INSERT INTO working_group_fact (working_group_id, province, type, formed_on) VALUES ('" + UUID.randomUUID()
                    + "', '" + P + "', 'FINANCE_VENTURE_CAPITAL', DATE '" + today.minusDays(100) + "')");
            s.execute("INSERT INTO quarterly_report (id, province, jalali_year, quarter, status, submitted_at, updated_at) VALUES ('"
                    + UUID.randomUUID() + "', '" + P + "', " + last.year() + ", " + last.quarter()
                    + ", 'SUBMITTED', now() - interval '1 day', now())");
        }
    }

    @Test
    void nationalView_showsEachProvinceAsItsOwnView_withEveryKindOfFact() {
        List<Map<String, Object>> national = given().auth().oauth2(TestTokens.ministryAnalyst()).get("/api/v1/compliance")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertEquals(31, national.size());
        for (String p : List.of(P, "IR-04", "IR-25")) {
            Map<String, Object> own = given().auth().oauth2(TestTokens.ministryAnalyst()).get("/api/v1/compliance/" + p)
                    .then().statusCode(200).extract().jsonPath().getMap("$");
            assertEquals(own, national.stream().filter(n -> p.equals(n.get("province"))).findFirst().orElseThrow(), p);
        }
        JsonPath ir32 = given().auth().oauth2(TestTokens.ministryAnalyst()).get("/api/v1/compliance/" + P).then()
                .statusCode(200).extract().jsonPath();
        LocalDate today = clock.today();
        assertEquals(ending.toString(), ir32.getString("checks.find { it.check == 'TERMS_ENDING' }.facts.ending[0].appointmentId"));
        assertEquals(today.plusDays(10).toString(), ir32.getString("checks.find { it.check == 'TERMS_ENDING' }.facts.ending[0].termEnd"));
        assertEquals(1, ir32.getInt("checks.find { it.check == 'DECREES' }.facts.awaitingDecree"));
        assertEquals(1, ir32.getInt("checks.find { it.check == 'DECREES' }.facts.trusteesWithDecree"));
        assertEquals(1, ir32.getInt("checks.find { it.check == 'BOARD_SEATS' }.facts.seatsFilled"));
        assertTrue(ir32.getBoolean("checks.find { it.check == 'OFFICERS' }.facts.president"));
        assertEquals(today.minusDays(10).toString(), ir32.getString("checks.find { it.check == 'BOARD_MEETING' }.facts.lastHeldOn"));
        assertEquals(JalaliDate.format(today.minusDays(45)),
                ir32.getString("checks.find { it.check == 'ASSOCIATION_MEETING' }.facts.lastHeldOnJalali"));
        assertEquals(List.of("FINANCE_VENTURE_CAPITAL"), ir32.getList("checks.find { it.check == 'WORKING_GROUPS' }.facts.typesFormed"));
        assertEquals("SUBMITTED", ir32.getString("checks.find { it.check == 'QUARTERLY_REPORT' }.facts.reportStatus"));
        assertEquals(today.minusDays(1).toString(), ir32.getString("checks.find { it.check == 'QUARTERLY_REPORT' }.facts.submittedOn"));
    }

    /**
     * The view of 31 provinces takes one connection from the pool (one transaction), not one per province: it used to
     * evaluate each province in its own transaction with six queries (31 acquisitions, 186 statements, 360 ms of CPU
     * per request in bench/run reports).
     */
    @Test
    void nationalView_readsAllProvincesInOneTransaction() {
        String analyst = TestTokens.ministryAnalyst();
        given().auth().oauth2(analyst).get("/api/v1/compliance").then().statusCode(200);
        dataSource.getConfiguration().setMetricsEnabled(true);
        try {
            long before = dataSource.getMetrics().acquireCount();
            given().auth().oauth2(analyst).get("/api/v1/compliance").then().statusCode(200);
            long acquired = dataSource.getMetrics().acquireCount() - before;
            // a few for background work (relay, consumers) at most, far below one per province
            assertTrue(acquired <= 5, "connections acquired for the national view: " + acquired);
        } finally {
            dataSource.getConfiguration().setMetricsEnabled(false);
        }
    }
}
