package ir.kanoon.governance.officer;

import ir.kanoon.governance.board.AppointmentStatus;
import ir.kanoon.governance.board.Seat;
import ir.kanoon.platform.problem.Problems;

/**
 * Art. 8 (R6): the President and the Secretary of the Association are proposed by the labour DG only from active
 * trustees holding a non-governmental seat (faculty, entrepreneur expert, employers' secretary, workers' secretary)
 * and appointed by the planning deputy; one holder per office, one person not both; an officer's term ends with
 * their trusteeship.
 */
public final class OfficerRules {

    public static final String ART_8 = "Art. 8";

    private OfficerRules() {
    }

    public static void requireEligible(Seat seat, AppointmentStatus trusteeStatus) {
        if (trusteeStatus != AppointmentStatus.ACTIVE) {
            throw Problems.rule(ART_8, "officer.not-active-trustee");
        }
        if (seat.governmental) {
            throw Problems.rule(ART_8, "officer.governmental-seat", seat.name());
        }
    }

    /** One active holder per office (R6). */
    public static void requireOfficeFree(boolean officeHeld, Office office) {
        if (officeHeld) {
            throw Problems.ruleConflict(ART_8, "officer.office-held", office.name());
        }
    }

    /** One person not both offices (R6). */
    public static void requireNotOtherOffice(boolean holdsOtherOffice) {
        if (holdsOtherOffice) {
            throw Problems.ruleConflict(ART_8, "officer.one-office-per-person");
        }
    }

    public static OfficerStatus appoint(OfficerStatus status) {
        if (status != OfficerStatus.PROPOSED) {
            throw Problems.conflict("officer.transition", "appoint", status.name());
        }
        return OfficerStatus.ACTIVE;
    }
}
