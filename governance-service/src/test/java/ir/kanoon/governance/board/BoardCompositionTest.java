package ir.kanoon.governance.board;

import ir.kanoon.platform.problem.ApiException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Art. 6 without Quarkus: R2 seat counts, R3 faculty, R4 experts, R5 decree after introduction. */
class BoardCompositionTest {

    @Test
    void r2_elevenSeats_withTheStatutoryCounts() {
        assertEquals(11, Seat.totalSeats());
        assertEquals(2, Seat.FACULTY.count);
        assertEquals(4, Seat.ENTREPRENEUR_EXPERT.count);
        assertEquals(1, Seat.CHAIR.count);
    }

    @Test
    void r2_aFifthExpertIsRefused_409Art6() {
        assertEquals(4, BoardComposition.freeSlot(Seat.ENTREPRENEUR_EXPERT, List.of(1, 2, 3)));
        ApiException e = assertThrows(ApiException.class,
                () -> BoardComposition.freeSlot(Seat.ENTREPRENEUR_EXPERT, List.of(1, 2, 3, 4)));
        assertEquals(409, e.status());
        assertEquals("Art. 6", e.rule());
        assertThrows(ApiException.class, () -> BoardComposition.freeSlot(Seat.CHAIR, List.of(1)));
        assertEquals(2, BoardComposition.freeSlot(Seat.FACULTY, List.of(1)));
    }

    @Test
    void r3_facultyNominatedByTheMainUniversity_approvedByChairOrSecretary() {
        BoardComposition.requireNominator(Seat.FACULTY, Nominator.MAIN_UNIVERSITY);
        assertEquals("Art. 6", assertThrows(ApiException.class,
                () -> BoardComposition.requireNominator(Seat.FACULTY, Nominator.LABOUR_DG)).rule());
        assertEquals(AppointmentStatus.APPROVED,
                BoardComposition.approve(Seat.FACULTY, AppointmentStatus.NOMINATED, Set.of("planning-deputy")));
        assertEquals(AppointmentStatus.APPROVED,
                BoardComposition.approve(Seat.FACULTY, AppointmentStatus.NOMINATED, Set.of("labour-dg")));
        assertEquals(422, assertThrows(ApiException.class,
                () -> BoardComposition.approve(Seat.FACULTY, AppointmentStatus.NOMINATED, Set.of("secretariat"))).status());
        // not introduced before the approval
        assertEquals("Art. 6", assertThrows(ApiException.class,
                () -> BoardComposition.introduce(Seat.FACULTY, AppointmentStatus.NOMINATED)).rule());
        assertEquals(AppointmentStatus.INTRODUCED, BoardComposition.introduce(Seat.FACULTY, AppointmentStatus.APPROVED));
    }

    @Test
    void r4_expertsNominatedAndRecordedByTheLabourDgOnly() {
        BoardComposition.requireNominator(Seat.ENTREPRENEUR_EXPERT, Nominator.LABOUR_DG);
        assertThrows(ApiException.class, () -> BoardComposition.requireNominator(Seat.ENTREPRENEUR_EXPERT, Nominator.MAIN_UNIVERSITY));
        BoardComposition.requireMayNominate(Seat.ENTREPRENEUR_EXPERT, Set.of("labour-dg"));
        assertEquals("Art. 6", assertThrows(ApiException.class,
                () -> BoardComposition.requireMayNominate(Seat.ENTREPRENEUR_EXPERT, Set.of("secretariat"))).rule());
        BoardComposition.requireMayNominate(Seat.FACULTY, Set.of("secretariat"));
    }

    @Test
    void r5_decreeOnlyAfterTheLabourDgsIntroduction_art6Note2() {
        LocalDate d = LocalDate.of(2026, 1, 1);
        ApiException e = assertThrows(ApiException.class,
                () -> BoardComposition.decree(AppointmentStatus.NOMINATED, d, d.plusYears(2)));
        assertEquals("Art. 6 Note 2", e.rule());
        assertEquals(422, e.status());
        assertThrows(ApiException.class, () -> BoardComposition.decree(AppointmentStatus.APPROVED, d, d.plusYears(2)));
        assertEquals(AppointmentStatus.ACTIVE, BoardComposition.decree(AppointmentStatus.INTRODUCED, d, d.plusYears(2)));
        assertEquals(400, assertThrows(ApiException.class,
                () -> BoardComposition.decree(AppointmentStatus.INTRODUCED, d, d)).status());
    }

    @Test
    void exOfficioSeatsRecordTheOfficeHolder_noApprovalStep() {
        BoardComposition.requireNominator(Seat.BROADCASTING_HEAD, Nominator.OFFICE_HOLDER);
        assertThrows(ApiException.class, () -> BoardComposition.approve(Seat.CHAIR, AppointmentStatus.NOMINATED, Set.of("labour-dg")));
        assertEquals(AppointmentStatus.INTRODUCED, BoardComposition.introduce(Seat.CHAIR, AppointmentStatus.NOMINATED));
    }
}
