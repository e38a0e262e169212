package ir.kanoon.networking.rules;

import ir.kanoon.networking.tour.Tour;
import ir.kanoon.networking.tour.TourRegistration;
import ir.kanoon.networking.tour.TourRules;
import ir.kanoon.platform.problem.ApiException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Art. 3-9 tours, without Quarkus. */
class TourRulesTest {

    @Test
    void art3_9_confirmedWhileSeatsRemain_thenWaitlisted() {
        assertEquals(TourRegistration.Status.CONFIRMED, TourRules.outcome(0, 1));
        assertEquals(TourRegistration.Status.CONFIRMED, TourRules.outcome(49, 50));
        assertEquals(TourRegistration.Status.WAITLISTED, TourRules.outcome(50, 50));
        assertEquals(TourRegistration.Status.WAITLISTED, TourRules.outcome(51, 50));
    }

    @Test
    void art3_9_registrationWindow_opensInclusive_closesExclusive() {
        Instant opens = Instant.parse("2026-12-01T00:00:00Z");
        Instant closes = Instant.parse("2026-12-05T00:00:00Z");
        ApiException early = assertThrows(ApiException.class,
                () -> TourRules.requireWindow(opens.minusSeconds(1), opens, closes));
        assertEquals("tour.registration-not-open", early.code());
        assertDoesNotThrow(() -> TourRules.requireWindow(opens, opens, closes));
        assertEquals("tour.registration-closed", assertThrows(ApiException.class,
                () -> TourRules.requireWindow(closes, opens, closes)).code());
    }

    @Test
    void art3_9_hostProvinceOnly_orOpenToAll() {
        assertEquals(422, assertThrows(ApiException.class,
                () -> TourRules.requireEligible(Tour.Eligibility.HOST_PROVINCE, "IR-03", "IR-07")).status());
        assertDoesNotThrow(() -> TourRules.requireEligible(Tour.Eligibility.HOST_PROVINCE, "IR-03", "ir-03"));
        assertDoesNotThrow(() -> TourRules.requireEligible(Tour.Eligibility.ALL_PROVINCES, "IR-03", "IR-07"));
    }

    @Test
    void art3_9_attendanceFromTheFirstDay() {
        LocalDate start = LocalDate.of(2026, 12, 10);
        assertThrows(ApiException.class, () -> TourRules.requireStarted(start.minusDays(1), start));
        assertDoesNotThrow(() -> TourRules.requireStarted(start, start));
    }

    @Test
    void planValidation_namesEveryBadField() {
        LocalDate start = LocalDate.of(2026, 12, 10);
        Instant firstDay = Instant.parse("2026-12-09T20:30:00Z");
        ApiException e = assertThrows(ApiException.class, () -> TourRules.validatePlan(start, start.minusDays(1),
                firstDay, firstDay.plusSeconds(60), 0, firstDay));
        assertEquals(400, e.status());
        assertDoesNotThrow(() -> TourRules.validatePlan(start, start, firstDay.minusSeconds(3600), firstDay, 1, firstDay));
    }
}
