package ir.kanoon.governance.officer;

import ir.kanoon.governance.board.AppointmentStatus;
import ir.kanoon.governance.board.Seat;
import ir.kanoon.platform.problem.ApiException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Art. 8 (R6) without Quarkus. */
class OfficerRulesTest {

    @Test
    void r6_onlyActiveTrusteesOfNonGovernmentalSeats() {
        for (Seat s : new Seat[]{Seat.FACULTY, Seat.ENTREPRENEUR_EXPERT, Seat.EMPLOYERS_SECRETARY, Seat.WORKERS_SECRETARY}) {
            OfficerRules.requireEligible(s, AppointmentStatus.ACTIVE);
        }
        for (Seat s : new Seat[]{Seat.CHAIR, Seat.SECRETARY, Seat.BROADCASTING_HEAD}) {
            ApiException e = assertThrows(ApiException.class, () -> OfficerRules.requireEligible(s, AppointmentStatus.ACTIVE));
            assertEquals(422, e.status());
            assertEquals("Art. 8", e.rule());
        }
        assertEquals("Art. 8", assertThrows(ApiException.class,
                () -> OfficerRules.requireEligible(Seat.FACULTY, AppointmentStatus.INTRODUCED)).rule());
    }

    @Test
    void r6_oneHolderPerOffice_onePersonNotBoth() {
        assertEquals(409, assertThrows(ApiException.class, () -> OfficerRules.requireOfficeFree(true, Office.PRESIDENT)).status());
        assertEquals("Art. 8", assertThrows(ApiException.class, () -> OfficerRules.requireNotOtherOffice(true)).rule());
        OfficerRules.requireOfficeFree(false, Office.SECRETARY);
        assertEquals(OfficerStatus.ACTIVE, OfficerRules.appoint(OfficerStatus.PROPOSED));
        assertThrows(ApiException.class, () -> OfficerRules.appoint(OfficerStatus.ENDED));
    }
}
