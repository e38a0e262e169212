package ir.kanoon.networking.rules;

import ir.kanoon.networking.connection.ConnectionRequest;
import ir.kanoon.networking.connection.ConnectionRules;
import ir.kanoon.networking.supportpackage.SupportEligibility;
import ir.kanoon.platform.problem.ApiException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Art. 3-7 connections and Art. 3-4 support eligibility (by the categories of Art. 4, R7), without Quarkus. */
class ConnectionAndSupportRulesTest {

    @Test
    void art3_7_dailyCap() {
        assertDoesNotThrow(() -> ConnectionRules.requireUnderDailyCap(2, 3));
        assertEquals("connection.daily-cap",
                assertThrows(ApiException.class, () -> ConnectionRules.requireUnderDailyCap(3, 3)).code());
    }

    @Test
    void art3_7_onlyPendingIsDecided_contactOnlyWhenAccepted() {
        assertEquals(ConnectionRequest.Status.ACCEPTED, ConnectionRules.decide(ConnectionRequest.Status.PENDING, "accept"));
        assertEquals(ConnectionRequest.Status.WITHDRAWN, ConnectionRules.decide(ConnectionRequest.Status.PENDING, "withdraw"));
        assertEquals(409, assertThrows(ApiException.class,
                () -> ConnectionRules.decide(ConnectionRequest.Status.DECLINED, "accept")).status());
        assertTrue(ConnectionRules.sharesContact(ConnectionRequest.Status.ACCEPTED));
        for (ConnectionRequest.Status s : List.of(ConnectionRequest.Status.PENDING, ConnectionRequest.Status.DECLINED,
                ConnectionRequest.Status.WITHDRAWN)) {
            assertFalse(ConnectionRules.sharesContact(s), s.name());
        }
    }

    static final LocalDate FROM = LocalDate.of(2026, 12, 1);
    static final LocalDate UNTIL = LocalDate.of(2026, 12, 31);
    static final LocalDate TODAY = LocalDate.of(2026, 12, 15);

    @Test
    void r7_supportEligibilityByMemberCategory() {
        List<String> facultyOnly = List.of("FACULTY");
        assertTrue(SupportEligibility.eligible(facultyOnly, List.of(), List.of(), FROM, UNTIL, "FACULTY", null, "IR-07", TODAY));
        assertFalse(SupportEligibility.eligible(facultyOnly, List.of(), List.of(), FROM, UNTIL, "ENTREPRENEUR", "SERVICES", "IR-07", TODAY));
        assertTrue(SupportEligibility.eligible(List.of(), List.of(), List.of(), FROM, UNTIL, "NGO_REPRESENTATIVE", null, "IR-07", TODAY));
        assertEquals(400, assertThrows(ApiException.class,
                () -> SupportEligibility.validate(List.of("ENTREPRENEUR", "STUDENT"), List.of())).status());
        assertDoesNotThrow(() -> SupportEligibility.validate(List.copyOf(SupportEligibility.CATEGORIES), List.of("HOME_BUSINESS")));
    }

    @Test
    void art3_4_supportEligibilityBySectorProvinceAndPeriod() {
        assertFalse(SupportEligibility.eligible(List.of(), List.of("INDUSTRIAL"), List.of(), FROM, UNTIL, "FACULTY", null, "IR-07", TODAY));
        assertTrue(SupportEligibility.eligible(List.of(), List.of("INDUSTRIAL"), List.of(), FROM, UNTIL, "ENTREPRENEUR", "INDUSTRIAL", "IR-07", TODAY));
        assertFalse(SupportEligibility.eligible(List.of(), List.of(), List.of("IR-14"), FROM, UNTIL, "ENTREPRENEUR", null, "IR-07", TODAY));
        assertTrue(SupportEligibility.eligible(List.of(), List.of(), List.of("IR-14", "IR-07"), FROM, UNTIL, "ENTREPRENEUR", null, "IR-07", TODAY));
        assertFalse(SupportEligibility.eligible(List.of(), List.of(), List.of(), FROM, UNTIL, "FACULTY", null, "IR-07", UNTIL.plusDays(1)));
        assertTrue(SupportEligibility.eligible(List.of(), List.of(), List.of(), FROM, UNTIL, "FACULTY", null, "IR-07", FROM));
    }
}
