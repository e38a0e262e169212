package ir.kanoon.governance.officer;

import ir.kanoon.governance.board.Appointment;
import ir.kanoon.governance.events.GovernanceEvents;
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
import ir.kanoon.platform.problem.Problems;
import ir.kanoon.platform.province.Provinces;
import ir.kanoon.platform.security.Caller;
import ir.kanoon.platform.security.ETags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** President and Secretary of the Association (Art. 8, R6). */
@ApplicationScoped
public class OfficerService {

    static final String AGGREGATE = "OFFICER";

    @Inject
    EntityManager em;
    @Inject
    Caller caller;
    @Inject
    History history;
    @Inject
    Outbox outbox;
    @Inject
    TehranClock clock;

    /** The labour DG proposes an active trustee of a non-governmental seat. */
    @Transactional
    public OfficerView propose(ProposalForm form) {
        String province = form.province();
        if (!Provinces.exists(province)) {
            throw Problems.invalid("province", "province.unknown");
        }
        caller.requireWrite(province);
        Appointment trustee = em.find(Appointment.class, form.appointmentId());
        if (trustee == null || !trustee.province.equals(province)) {
            throw Problems.invalid("appointmentId", "officer.unknown-trustee");
        }
        OfficerRules.requireEligible(trustee.seat, trustee.status);
        Officer o = new Officer();
        o.id = Uuids.v7();
        o.province = province;
        o.office = form.office();
        o.appointmentId = trustee.id;
        o.status = OfficerStatus.PROPOSED;
        o.proposedBy = caller.subject();
        o.proposedAt = Instant.now();
        o.updatedAt = o.proposedAt;
        em.persist(o);
        history.record(HistoryEntry.of(AGGREGATE, o.id, Actor.of(caller), "PROPOSED").withStatus(null, o.status)
                .withReference(o.office.name()));
        em.flush();
        return view(o, trustee);
    }

    /** The planning deputy appoints; one holder per office and one office per person (the database backs both). */
    @Transactional
    public OfficerView appoint(UUID id, String ifMatch) {
        Officer o = forChange(id, ifMatch);
        // Serialise appointments of one province's offices on the trustee row of the Board (same lock as decrees).
        em.find(ir.kanoon.governance.board.Board.class, o.province, LockModeType.PESSIMISTIC_WRITE);
        Appointment trustee = em.find(Appointment.class, o.appointmentId);
        OfficerRules.requireEligible(trustee.seat, trustee.status);
        OfficerRules.requireOfficeFree(countActive("o.office = :x", o.province, o.office) > 0, o.office);
        OfficerRules.requireNotOtherOffice(countActive("o.appointmentId = :x", o.province, o.appointmentId) > 0);
        OfficerStatus from = o.status;
        o.status = OfficerRules.appoint(o.status);
        o.appointedBy = caller.subject();
        o.appointedOn = clock.today();
        o.updatedAt = Instant.now();
        history.record(HistoryEntry.of(AGGREGATE, o.id, Actor.of(caller), "APPOINTED").withStatus(from, o.status));
        outbox.record(GovernanceEvents.OFFICER_APPOINTED, o.id.toString(), o.province,
                new GovernanceEvents.OfficerChanged(o.id, o.province, o.office.name(), o.appointmentId));
        em.flush();
        return view(o, trustee);
    }

    /** R6: an officer's term ends when their trusteeship ends; open proposals lapse. Called in the ending transaction. */
    public void trusteeshipEnded(Appointment trustee, Actor actor, LocalDate on) {
        List<Officer> held = em.createQuery("FROM Officer o WHERE o.appointmentId = :a AND o.status IN (:s) ORDER BY o.id",
                        Officer.class)
                .setParameter("a", trustee.id).setParameter("s", List.of(OfficerStatus.ACTIVE, OfficerStatus.PROPOSED))
                .getResultList();
        for (Officer o : held) {
            OfficerStatus from = o.status;
            o.status = from == OfficerStatus.ACTIVE ? OfficerStatus.ENDED : OfficerStatus.REJECTED;
            o.endedOn = on;
            o.updatedAt = Instant.now();
            history.record(HistoryEntry.of(AGGREGATE, o.id, actor, "TRUSTEESHIP_ENDED").withStatus(from, o.status));
            if (from == OfficerStatus.ACTIVE) {
                outbox.record(GovernanceEvents.OFFICER_LEFT, o.id.toString(), o.province,
                        new GovernanceEvents.OfficerChanged(o.id, o.province, o.office.name(), o.appointmentId));
            }
        }
    }

    public Page<OfficerView> list(String province, OfficerStatus status, PageRequest page) {
        String scope = caller.isMemberOf(province == null ? "" : province) ? province
                : caller.provinceScope(province).orElse(null);
        UUID after = page.afterId();
        var q = em.createQuery("FROM Officer o WHERE 1 = 1"
                + (scope == null ? "" : " AND o.province = :p")
                + (status == null ? "" : " AND o.status = :s")
                + (after == null ? "" : " AND o.id > :after") + " ORDER BY o.id", Officer.class)
                .setMaxResults(page.limit() + 1);
        if (scope != null) {
            q.setParameter("p", scope);
        }
        if (status != null) {
            q.setParameter("s", status);
        }
        if (after != null) {
            q.setParameter("after", after);
        }
        return Page.of(q.getResultList(), page.limit(), o -> view(o, em.find(Appointment.class, o.appointmentId)),
                o -> Cursor.of(o.id));
    }

    public OfficerView get(UUID id) {
        return view(visible(id));
    }

    public List<HistoryView> history(UUID id) {
        visible(id);
        return history.of(id);
    }

    /** Active officers of a province (compliance). */
    public List<Officer> active(String province) {
        return em.createQuery("FROM Officer o WHERE o.province = :p AND o.status = :s", Officer.class)
                .setParameter("p", province).setParameter("s", OfficerStatus.ACTIVE).getResultList();
    }

    private Officer visible(UUID id) {
        Officer o = em.find(Officer.class, id);
        if (o == null || !(caller.mayRead(o.province) || caller.isMemberOf(o.province))) {
            throw Problems.notFound("officer", id);
        }
        return o;
    }

    private Officer forChange(UUID id, String ifMatch) {
        Officer o = em.find(Officer.class, id);
        if (o == null) {
            throw Problems.notFound("officer", id);
        }
        caller.requireWrite(o.province);
        Appointment trustee = em.find(Appointment.class, o.appointmentId);
        if (caller.nationalId().filter(trustee.nationalId::equals).isPresent()
                || Objects.equals(caller.subject(), trustee.userSubject)) {
            throw Problems.forbidden("own-case");
        }
        ETags.requireMatch(ifMatch, o.version);
        return o;
    }

    private long countActive(String where, String province, Object x) {
        return em.createQuery("SELECT count(o) FROM Officer o WHERE o.province = :p AND o.status = :s AND " + where, Long.class)
                .setParameter("p", province).setParameter("s", OfficerStatus.ACTIVE).setParameter("x", x)
                .getSingleResult();
    }

    public OfficerView view(Officer o) {
        return view(o, em.find(Appointment.class, o.appointmentId));
    }

    private OfficerView view(Officer o, Appointment t) {
        return new OfficerView(o.id, o.province, o.office, o.status, o.appointmentId, t.fullName, t.seat, o.appointedOn,
                o.appointedOn == null ? null : JalaliDate.format(o.appointedOn), o.endedOn,
                o.endedOn == null ? null : JalaliDate.format(o.endedOn), o.version);
    }
}
