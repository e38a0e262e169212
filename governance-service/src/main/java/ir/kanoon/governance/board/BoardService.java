package ir.kanoon.governance.board;

import ir.kanoon.governance.events.GovernanceEvents;
import ir.kanoon.governance.officer.OfficerService;
import ir.kanoon.platform.history.Actor;
import ir.kanoon.platform.history.History;
import ir.kanoon.platform.history.HistoryEntry;
import ir.kanoon.platform.history.HistoryView;
import ir.kanoon.platform.ids.Uuids;
import ir.kanoon.platform.jalali.JalaliDate;
import ir.kanoon.platform.jalali.TehranClock;
import ir.kanoon.platform.outbox.Outbox;
import ir.kanoon.platform.paging.Cursor;
import ir.kanoon.platform.paging.Page;
import ir.kanoon.platform.paging.PageRequest;
import ir.kanoon.platform.persian.NationalId;
import ir.kanoon.platform.persian.PersianText;
import ir.kanoon.platform.problem.Problems;
import ir.kanoon.platform.province.Provinces;
import ir.kanoon.platform.rolesync.RoleSync;
import ir.kanoon.platform.security.Caller;
import ir.kanoon.platform.security.ETags;
import ir.kanoon.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** The Board of Trustees of each province: nominations, approvals, introductions, decrees and their ends (Art. 6). */
@ApplicationScoped
public class BoardService {

    static final String AGGREGATE = "APPOINTMENT";

    @Inject
    EntityManager em;
    @Inject
    Caller caller;
    @Inject
    History history;
    @Inject
    Outbox outbox;
    @Inject
    RoleSync roleSync;
    @Inject
    TehranClock clock;
    @Inject
    OfficerService officers;

    @ConfigProperty(name = "kanoon.governance.term-alert-days", defaultValue = "45")
    int termAlertDays;

    // ---------------------------------------------------------------- reads

    /** R1: the province's Board, created on first access; the seats as of {@code at} (default today). */
    @Transactional
    public BoardView board(String province, LocalDate at) {
        requireProvinceExists(province);
        requireBoardReader(province);
        ensureBoard(province);
        LocalDate day = at == null ? clock.today() : at;
        List<Appointment> held = em.createQuery("""
                        FROM Appointment a WHERE a.province = :p AND a.decreeIssuedOn IS NOT NULL AND a.decreeIssuedOn <= :d
                        AND (a.status = :active OR (a.status = :ended AND a.endedOn > :d)) ORDER BY a.seat, a.slot, a.id""",
                        Appointment.class)
                .setParameter("p", province).setParameter("d", day)
                .setParameter("active", AppointmentStatus.ACTIVE).setParameter("ended", AppointmentStatus.ENDED)
                .getResultList();
        Map<Seat, List<AppointmentView>> bySeat = new EnumMap<>(Seat.class);
        for (Seat s : Seat.values()) {
            bySeat.put(s, new ArrayList<>());
        }
        for (Appointment a : held) {
            bySeat.get(a.seat).add(view(a));
        }
        List<BoardView.SeatView> seats = new ArrayList<>();
        int filled = 0;
        for (Seat s : Seat.values()) {
            int n = Math.min(bySeat.get(s).size(), s.count);
            filled += n;
            seats.add(new BoardView.SeatView(s, s.count, s.count - n, bySeat.get(s)));
        }
        return new BoardView(province, day, JalaliDate.format(day), Seat.totalSeats(), filled, seats);
    }

    public Page<AppointmentView> list(String province, AppointmentStatus status, PageRequest page) {
        requireProvinceExists(province);
        requireBoardReader(province);
        UUID after = page.afterId();
        var q = em.createQuery("FROM Appointment a WHERE a.province = :p"
                        + (status == null ? "" : " AND a.status = :s")
                        + (after == null ? "" : " AND a.id > :after") + " ORDER BY a.id", Appointment.class)
                .setParameter("p", province)
                .setMaxResults(page.limit() + 1);
        if (status != null) {
            q.setParameter("s", status);
        }
        if (after != null) {
            q.setParameter("after", after);
        }
        return Page.of(q.getResultList(), page.limit(), this::view, a -> Cursor.of(a.id));
    }

    public Appointment visible(String province, UUID id) {
        requireProvinceExists(province);
        requireBoardReader(province);
        Appointment a = em.find(Appointment.class, id);
        if (a == null || !a.province.equals(province)) {
            throw Problems.notFound("appointment", id);
        }
        return a;
    }

    public List<HistoryView> history(String province, UUID id) {
        visible(province, id);
        return history.of(id);
    }

    /** Active trustees of a province (for compliance and officers). */
    public List<Appointment> active(String province) {
        return em.createQuery("FROM Appointment a WHERE a.province = :p AND a.status = :s ORDER BY a.seat, a.slot",
                        Appointment.class)
                .setParameter("p", province).setParameter("s", AppointmentStatus.ACTIVE).getResultList();
    }

    // ---------------------------------------------------------------- changes

    @Transactional
    public AppointmentView nominate(String province, NominationForm form) {
        requireProvinceExists(province);
        caller.requireWrite(province);
        BoardComposition.requireMayNominate(form.seat(), caller.roles());
        BoardComposition.requireNominator(form.seat(), form.nominatedBy());
        String nationalId = NationalId.normalize(form.nationalId())
                .orElseThrow(() -> Problems.invalid("nationalId", "national-id.invalid"));
        ensureBoard(province);
        Appointment a = new Appointment();
        a.id = Uuids.v7();
        a.province = province;
        a.seat = form.seat();
        a.status = AppointmentStatus.NOMINATED;
        a.fullName = PersianText.canonical(form.fullName());
        a.nationalId = nationalId;
        a.organisation = form.organisation() == null ? null : PersianText.canonical(form.organisation());
        a.memberId = form.memberId();
        a.userSubject = blankToNull(form.userId());
        a.nominatedBy = form.nominatedBy();
        a.nominationDocument = blankToNull(form.nominationDocument());
        a.recordedBy = caller.subject();
        a.recordedAt = Instant.now();
        a.updatedAt = a.recordedAt;
        em.persist(a);
        history.record(HistoryEntry.of(AGGREGATE, a.id, Actor.of(caller), "NOMINATED")
                .withStatus(null, a.status).withReference(a.seat.name() + " / " + a.nominatedBy.name())
                .withDocument(a.nominationDocument));
        outbox.record(GovernanceEvents.TRUSTEE_NOMINATED, a.id.toString(), province,
                new GovernanceEvents.TrusteeNominated(a.id, province, a.seat.name(), a.nominatedBy.name(), a.fullName));
        em.flush();
        return view(a);
    }

    /** R3: the Board Chair or Secretary approves a faculty nomination (not their own). */
    @Transactional
    public AppointmentView approve(String province, UUID id, String ifMatch, StepForm form) {
        Appointment a = forChange(province, id, ifMatch);
        AppointmentStatus from = a.status;
        a.status = BoardComposition.approve(a.seat, a.status, caller.roles());
        a.approvedBy = caller.subject();
        a.approvedAt = Instant.now();
        return changed(a, from, "APPROVED", null, form == null ? null : form.document());
    }

    /** R5: the labour DG introduces the nominee to the planning deputy. */
    @Transactional
    public AppointmentView introduce(String province, UUID id, String ifMatch, StepForm form) {
        Appointment a = forChange(province, id, ifMatch);
        AppointmentStatus from = a.status;
        a.status = BoardComposition.introduce(a.seat, a.status);
        a.introducedBy = caller.subject();
        a.introducedAt = Instant.now();
        a.introductionDocument = form == null ? null : blankToNull(form.document());
        return changed(a, from, "INTRODUCED", null, a.introductionDocument);
    }

    /**
     * R5 + R2: the province's planning deputy issues the decree; the seat type must have a free slot. The Board's row
     * is locked first, so concurrent decrees for one Board are decided one after the other; the unique slot index
     * is the backstop (409 Art. 6 either way).
     */
    @Transactional
    public AppointmentView decree(String province, UUID id, String ifMatch, DecreeForm form) {
        requireProvinceExists(province);
        caller.requireWrite(province);
        lockBoard(province);
        Appointment a = forChange(province, id, ifMatch);
        AppointmentStatus from = a.status;
        AppointmentStatus to = BoardComposition.decree(a.status, form.issuedOn(), form.termEnd());
        List<Integer> taken = em.createQuery("SELECT a.slot FROM Appointment a WHERE a.province = :p AND a.seat = :s "
                        + "AND a.status = :active", Integer.class)
                .setParameter("p", province).setParameter("s", a.seat).setParameter("active", AppointmentStatus.ACTIVE)
                .getResultList();
        a.slot = BoardComposition.freeSlot(a.seat, taken);
        a.status = to; // only now: the query above must not auto-flush an ACTIVE row without its slot
        a.decreeNumber = PersianText.asciiDigits(PersianText.canonical(form.decreeNumber())); // an identifier: ASCII digits
        a.decreeIssuedOn = form.issuedOn();
        a.decreedBy = caller.subject();
        a.termEnd = form.termEnd();
        a.termAlerted = false;
        AppointmentView v = changed(a, from, "DECREED", a.decreeNumber, a.decreeNumber);
        if (a.userSubject != null) {
            roleSync.desire(a.userSubject, Roles.TRUSTEE, true, province, Instant.now());
        }
        outbox.record(GovernanceEvents.TRUSTEE_APPOINTED, a.id.toString(), province,
                new GovernanceEvents.TrusteeAppointed(a.id, province, a.seat.name(), a.userSubject, a.memberId,
                        a.fullName, a.decreeNumber, a.termEnd));
        return v;
    }

    /** Resignation (recorded by the secretariat) or revocation (the planning deputy, who issued the decree). */
    @Transactional
    public AppointmentView end(String province, UUID id, String ifMatch, EndForm form) {
        if (form.reason() == EndReason.TERM_ENDED) {
            throw Problems.invalid("reason", "end.term-ended-automatic");
        }
        if (form.reason() == EndReason.REVOKED && !caller.hasAnyRole(Roles.PLANNING_DEPUTY, Roles.MINISTRY_ADMIN)) {
            throw Problems.rule(BoardComposition.ART_6_NOTE_2, "end.revocation-role");
        }
        Appointment a = forChange(province, id, ifMatch);
        return endAppointment(a, form.reason(), form.document(), Actor.of(caller), clock.today());
    }

    private AppointmentView endAppointment(Appointment a, EndReason reason, String document, Actor actor, LocalDate on) {
        AppointmentStatus from = a.status;
        a.status = BoardComposition.end(a.status);
        a.endedOn = on;
        a.endReason = reason;
        a.endDocument = blankToNull(document);
        a.slot = null;
        a.updatedAt = Instant.now();
        history.record(HistoryEntry.of(AGGREGATE, a.id, actor, reason.name()).withStatus(from, a.status)
                .withDocument(a.endDocument));
        officers.trusteeshipEnded(a, actor, on);
        if (a.userSubject != null) {
            roleSync.desire(a.userSubject, Roles.TRUSTEE, false, a.province, Instant.now());
        }
        outbox.record(GovernanceEvents.TRUSTEE_LEFT, a.id.toString(), a.province,
                new GovernanceEvents.TrusteeLeft(a.id, a.province, a.seat.name(), a.userSubject, a.memberId, reason.name()));
        em.flush();
        return view(a);
    }

    /** Daily: end the terms that ended before today; alert (once) on terms ending within the alert window. */
    @Transactional
    public int runDaily() {
        LocalDate today = clock.today();
        int changes = 0;
        List<Appointment> expired = em.createQuery("FROM Appointment a WHERE a.status = :s AND a.termEnd < :d ORDER BY a.id",
                        Appointment.class)
                .setParameter("s", AppointmentStatus.ACTIVE).setParameter("d", today).getResultList();
        for (Appointment a : expired) {
            endAppointment(a, EndReason.TERM_ENDED, null, Actor.system(), a.termEnd.plusDays(1));
            changes++;
        }
        List<Appointment> ending = em.createQuery("FROM Appointment a WHERE a.status = :s AND a.termAlerted = false "
                        + "AND a.termEnd <= :d ORDER BY a.id", Appointment.class)
                .setParameter("s", AppointmentStatus.ACTIVE).setParameter("d", today.plusDays(termAlertDays))
                .getResultList();
        for (Appointment a : ending) {
            a.termAlerted = true;
            history.record(HistoryEntry.of(AGGREGATE, a.id, Actor.system(), "TERM_ENDING")
                    .withReason("term ends " + a.termEnd + " (" + JalaliDate.format(a.termEnd) + ")"));
            outbox.record(GovernanceEvents.TRUSTEE_TERM_ENDING, a.id.toString(), a.province,
                    new GovernanceEvents.TrusteeTermEnding(a.id, a.province, a.seat.name(), a.userSubject, a.memberId,
                            a.termEnd));
            changes++;
        }
        return changes;
    }

    // ---------------------------------------------------------------- helpers

    private Appointment forChange(String province, UUID id, String ifMatch) {
        requireProvinceExists(province);
        caller.requireWrite(province);
        Appointment a = em.find(Appointment.class, id);
        if (a == null || !a.province.equals(province)) {
            throw Problems.notFound("appointment", id);
        }
        // Four eyes: nobody moves their own nomination forward.
        if (caller.nationalId().filter(a.nationalId::equals).isPresent()
                || Objects.equals(caller.subject(), a.userSubject)) {
            throw Problems.forbidden("own-case");
        }
        ETags.requireMatch(ifMatch, a.version);
        return a;
    }

    private AppointmentView changed(Appointment a, AppointmentStatus from, String action, String reference, String document) {
        a.updatedAt = Instant.now();
        history.record(HistoryEntry.of(AGGREGATE, a.id, Actor.of(caller), action).withStatus(from, a.status)
                .withReference(reference).withDocument(blankToNull(document)));
        em.flush();
        return view(a);
    }

    void ensureBoard(String province) {
        em.createNativeQuery("INSERT INTO board (province, created_at) VALUES (?1, now()) ON CONFLICT DO NOTHING")
                .setParameter(1, province).executeUpdate();
    }

    private void lockBoard(String province) {
        ensureBoard(province);
        em.find(Board.class, province, LockModeType.PESSIMISTIC_WRITE);
    }

    private static void requireProvinceExists(String province) {
        if (province == null || !Provinces.exists(province)) {
            throw Problems.notFound("province", province);
        }
    }

    /** Staff of the province and ministry roles; trustees and members of that province's Association. */
    private void requireBoardReader(String province) {
        if (!caller.mayRead(province) && !caller.isMemberOf(province)) {
            throw Problems.forbidden("forbidden-province", province);
        }
    }

    public AppointmentView view(Appointment a) {
        // conventions (personal data): the person, the province's staff and the ministry — not other systems
        // (a provincial or national integration account reads the Board, but sees national IDs masked)
        boolean mayseePersonal = caller.hasAnyRole(Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST)
                || caller.isOwnProvince(a.province) && caller.hasAnyRole(Roles.PROVINCIAL_STAFF)
                || caller.nationalId().filter(a.nationalId::equals).isPresent();
        LocalDate today = clock.today();
        boolean ending = a.status == AppointmentStatus.ACTIVE && a.termEnd != null
                && !a.termEnd.isAfter(today.plusDays(termAlertDays));
        return new AppointmentView(a.id, a.province, a.seat, a.status, a.fullName,
                mayseePersonal ? a.nationalId : NationalId.mask(a.nationalId), a.organisation, a.memberId, a.userSubject,
                a.nominatedBy, a.nominationDocument, a.introductionDocument, a.decreeNumber, a.decreeIssuedOn,
                jalali(a.decreeIssuedOn), a.termEnd, jalali(a.termEnd), a.endedOn, jalali(a.endedOn), a.endReason,
                ending, a.version);
    }

    private static String jalali(LocalDate d) {
        return d == null ? null : JalaliDate.format(d);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : PersianText.canonical(s);
    }
}
