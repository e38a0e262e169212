package ir.kanoon.governance.board;

import ir.kanoon.platform.problem.Problems;
import ir.kanoon.platform.security.Roles;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;

/**
 * The composition rules of the Board of Trustees (Art. 6; R2–R5), without Quarkus so unit tests exercise them.
 * The service calls them inside the transaction that holds the Board's row lock; the database backs the seat
 * count with a slot per seat ({@code appointment_slot_within_seat_count}, {@code appointment_seat_slot_active}).
 */
public final class BoardComposition {

    public static final String ART_6 = "Art. 6";
    public static final String ART_6_NOTE_2 = "Art. 6 Note 2";

    private BoardComposition() {
    }

    /** R3: faculty by the main university; R4: entrepreneur experts by the labour DG; ex-officio: the office holder. */
    public static void requireNominator(Seat seat, Nominator nominator) {
        Nominator expected = expectedNominator(seat);
        if (nominator != expected) {
            throw Problems.rule(ART_6, "seat.nominator", seat.name(), expected.name());
        }
    }

    public static Nominator expectedNominator(Seat seat) {
        return switch (seat) {
            case FACULTY -> Nominator.MAIN_UNIVERSITY;
            case ENTREPRENEUR_EXPERT -> Nominator.LABOUR_DG;
            default -> Nominator.OFFICE_HOLDER;
        };
    }

    /**
     * Who may record a nomination: R4 — an entrepreneur expert is the labour DG's own nomination, so only the
     * labour DG records it; the university's faculty nominations and the office holders of ex-officio seats are
     * recorded by the secretariat (R13) or the labour DG.
     */
    public static void requireMayNominate(Seat seat, Set<String> roles) {
        boolean ok = seat == Seat.ENTREPRENEUR_EXPERT
                ? roles.contains(Roles.LABOUR_DG)
                : roles.contains(Roles.SECRETARIAT) || roles.contains(Roles.LABOUR_DG);
        if (!ok) {
            throw Problems.rule(ART_6, "seat.nomination-role", seat.name());
        }
    }

    /** R3: a faculty nomination is approved by the Board Chair (planning deputy) or Secretary (labour DG); other seats need no approval. */
    public static AppointmentStatus approve(Seat seat, AppointmentStatus status, Set<String> roles) {
        if (seat != Seat.FACULTY) {
            throw Problems.rule(ART_6, "seat.no-approval", seat.name());
        }
        if (!roles.contains(Roles.PLANNING_DEPUTY) && !roles.contains(Roles.LABOUR_DG)) {
            throw Problems.rule(ART_6, "seat.approval-role");
        }
        requireStatus(status, AppointmentStatus.NOMINATED, "approve");
        return AppointmentStatus.APPROVED;
    }

    /** R5 (and R3 for faculty): the labour DG introduces the nominee; a faculty nominee must have been approved first. */
    public static AppointmentStatus introduce(Seat seat, AppointmentStatus status) {
        if (seat == Seat.FACULTY && status == AppointmentStatus.NOMINATED) {
            throw Problems.rule(ART_6, "seat.faculty-not-approved");
        }
        requireStatus(status, seat == Seat.FACULTY ? AppointmentStatus.APPROVED : AppointmentStatus.NOMINATED, "introduce");
        return AppointmentStatus.INTRODUCED;
    }

    /** R5: a decree only after the labour DG's introduction, with a term ending after the decree. */
    public static AppointmentStatus decree(AppointmentStatus status, LocalDate issuedOn, LocalDate termEnd) {
        if (status == AppointmentStatus.NOMINATED || status == AppointmentStatus.APPROVED) {
            throw Problems.rule(ART_6_NOTE_2, "decree.not-introduced");
        }
        requireStatus(status, AppointmentStatus.INTRODUCED, "decree");
        if (!termEnd.isAfter(issuedOn)) {
            throw Problems.invalid("termEnd", "decree.term-end-before-issue");
        }
        return AppointmentStatus.ACTIVE;
    }

    /**
     * R2: the seat's free slot (1..count) given the slots its active trustees hold; a full seat type is 409
     * {@code Art. 6} — never more active trustees than the seat's count.
     */
    public static int freeSlot(Seat seat, Collection<Integer> taken) {
        for (int slot = 1; slot <= seat.count; slot++) {
            if (!taken.contains(slot)) {
                return slot;
            }
        }
        throw Problems.ruleConflict(ART_6, "board-seat-full", seat.name(), seat.count);
    }

    /** An active appointment ends by term expiry, resignation or revocation. */
    public static AppointmentStatus end(AppointmentStatus status) {
        requireStatus(status, AppointmentStatus.ACTIVE, "end");
        return AppointmentStatus.ENDED;
    }

    private static void requireStatus(AppointmentStatus actual, AppointmentStatus expected, String action) {
        if (actual != expected) {
            throw Problems.conflict("appointment.transition", action, actual.name());
        }
    }
}
