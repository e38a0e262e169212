package ir.kanoon.workgroup.group;

import ir.kanoon.platform.history.Actor;
import ir.kanoon.platform.history.History;
import ir.kanoon.platform.history.HistoryEntry;
import ir.kanoon.platform.history.HistoryView;
import ir.kanoon.platform.ids.Uuids;
import ir.kanoon.platform.jalali.JalaliDate;
import ir.kanoon.platform.jalali.TehranClock;
import ir.kanoon.platform.outbox.Outbox;
import ir.kanoon.platform.paging.Cursor;
import ir.kanoon.platform.paging.Filter;
import ir.kanoon.platform.paging.Page;
import ir.kanoon.platform.paging.PageRequest;
import ir.kanoon.platform.persian.PersianText;
import ir.kanoon.platform.problem.Problems;
import ir.kanoon.platform.province.Provinces;
import ir.kanoon.platform.security.Caller;
import ir.kanoon.platform.security.ETags;
import ir.kanoon.platform.security.Roles;
import ir.kanoon.workgroup.events.WorkgroupEvents;
import ir.kanoon.workgroup.people.EligiblePerson;
import ir.kanoon.workgroup.support.Access;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Working groups (Art. 9, R10) and their seats (Art. 9 Note 1, R11). */
@ApplicationScoped
public class GroupService {

    static final String AGGREGATE = "WORKING_GROUP";

    @Inject
    Caller caller;
    @Inject
    Access access;
    @Inject
    History history;
    @Inject
    Outbox outbox;
    @Inject
    TehranClock clock;
    @Inject
    EntityManager em;

    @Transactional
    public GroupDtos.View form(GroupDtos.Form form) {
        String province = form.province().strip().toUpperCase();
        if (!Provinces.exists(province)) {
            throw Problems.invalid("province", "province.unknown");
        }
        access.requireSecretariat(province);
        // Serialise formations of one province and type, so the check below sees a committed rival; the
        // partial unique index working_group_one_active_per_type is the backstop (both name Art. 9).
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(:k))")
                .setParameter("k", "wg/" + province + "/" + form.type()).getSingleResult();
        List<WorkingGroupType> active = WorkingGroup.<WorkingGroup>list("province = ?1 and status = ?2",
                province, GroupStatus.ACTIVE).stream().map(g -> g.type).toList();
        WorkingGroupRules.requireNoActiveOfType(form.type(), active);
        WorkingGroup g = new WorkingGroup();
        g.id = Uuids.v7();
        g.province = province;
        g.type = form.type();
        g.name = PersianText.canonical(form.name());
        g.basis = form.basis();
        g.basisRef = PersianText.canonical(form.basisRef());
        g.status = GroupStatus.ACTIVE;
        g.formedOn = clock.today();
        g.createdAt = Instant.now();
        g.persist();
        em.flush();
        history.record(HistoryEntry.of(AGGREGATE, g.id, Actor.of(caller), "FORMED")
                .withStatus(null, GroupStatus.ACTIVE).withReference(g.basisRef).withReason(g.basis.name()));
        outbox.record(WorkgroupEvents.GROUP_FORMED, g.id.toString(), province,
                new WorkgroupEvents.GroupData(g.id, province, g.type.name()));
        return view(g);
    }

    @Transactional
    public GroupDtos.View dissolve(UUID id, String ifMatch, GroupDtos.Dissolve body) {
        WorkingGroup g = visible(id);
        access.requireSecretariat(g.province);
        ETags.requireMatch(ifMatch, g.version);
        if (g.status != GroupStatus.ACTIVE) {
            throw Problems.conflict("working-group.not-active", g.id);
        }
        g.status = GroupStatus.DISSOLVED;
        g.dissolvedOn = clock.today();
        em.flush();
        history.record(HistoryEntry.of(AGGREGATE, g.id, Actor.of(caller), "DISSOLVED")
                .withStatus(GroupStatus.ACTIVE, GroupStatus.DISSOLVED)
                .withReference(PersianText.canonical(body.reference())).withReason(PersianText.canonical(body.reason())));
        outbox.record(WorkgroupEvents.GROUP_DISSOLVED, g.id.toString(), g.province,
                new WorkgroupEvents.GroupData(g.id, g.province, g.type.name()));
        return view(g);
    }

    @Transactional
    public GroupDtos.SeatView propose(UUID groupId, GroupDtos.Proposal p) {
        WorkingGroup g = visible(groupId);
        access.requireSecretariat(g.province);
        if (g.status != GroupStatus.ACTIVE) {
            throw Problems.conflict("working-group.not-active", g.id);
        }
        EligiblePerson person = EligiblePerson.findById(p.personId());
        WorkingGroupRules.requireEligible(g.province, person == null ? null : person.province,
                person != null && person.active);
        if (GroupMember.count("workingGroupId = ?1 and personId = ?2 and status in ?3", g.id, p.personId(),
                List.of(SeatStatus.PROPOSED, SeatStatus.APPROVED)) > 0) {
            throw Problems.conflict("group-member.duplicate");
        }
        GroupMember s = new GroupMember();
        s.id = Uuids.v7();
        s.workingGroupId = g.id;
        s.personId = person.personId;
        s.userId = person.userId;
        s.memberId = person.memberId;
        s.displayName = person.displayName;
        s.role = p.role();
        s.status = SeatStatus.PROPOSED;
        s.proposalRef = PersianText.canonical(p.proposalRef());
        s.proposedBy = caller.subject();
        s.createdAt = Instant.now();
        s.persist();
        em.flush();
        history.record(HistoryEntry.of(AGGREGATE, g.id, Actor.of(caller), "MEMBER_PROPOSED")
                .withStatus(null, SeatStatus.PROPOSED).withReference(s.proposalRef)
                .withReason(s.role + " " + s.personId));
        return seatView(s);
    }

    /** R11: the Board Secretary (labour-dg of the province) approves; only then does the seat count. */
    @Transactional
    public GroupDtos.SeatView decide(UUID groupId, UUID seatId, String ifMatch, boolean approve, String reason) {
        WorkingGroup g = visible(groupId);
        if (!caller.hasAnyRole(Roles.LABOUR_DG, Roles.MINISTRY_ADMIN)) {
            throw Problems.forbidden("forbidden-role", Roles.LABOUR_DG);
        }
        caller.requireWrite(g.province);
        GroupMember s = GroupMember.findById(seatId, LockModeType.PESSIMISTIC_WRITE);
        if (s == null || !s.workingGroupId.equals(g.id)) {
            throw Problems.notFound("group-member", seatId);
        }
        ETags.requireMatch(ifMatch, s.version);
        WorkingGroupRules.requireProposed(s.status);
        String me = caller.subject();
        if (me.equals(s.proposedBy) || me.equals(s.userId)) {
            throw Problems.forbidden("four-eyes");
        }
        if (approve) {
            if (g.status != GroupStatus.ACTIVE) {
                throw Problems.conflict("working-group.not-active", g.id);
            }
            EligiblePerson person = EligiblePerson.findById(s.personId);
            WorkingGroupRules.requireEligible(g.province, person == null ? null : person.province,
                    person != null && person.active);
            if (s.role == GroupRole.SECRETARY && GroupMember.count(
                    "workingGroupId = ?1 and role = ?2 and status = ?3", g.id, GroupRole.SECRETARY, SeatStatus.APPROVED) > 0) {
                throw Problems.ruleConflict(WorkingGroupRules.ART_9_NOTE_1, "group-member.secretary-taken");
            }
        }
        SeatStatus from = s.status;
        s.status = approve ? SeatStatus.APPROVED : SeatStatus.REJECTED;
        s.decidedBy = me;
        em.flush();
        history.record(HistoryEntry.of(AGGREGATE, g.id, Actor.of(caller), approve ? "MEMBER_APPROVED" : "MEMBER_REJECTED")
                .withStatus(from, s.status).withReference(s.proposalRef)
                .withReason(reason == null ? s.personId.toString() : PersianText.canonical(reason)));
        if (approve) {
            outbox.record(WorkgroupEvents.GROUP_MEMBER_APPROVED, g.id.toString(), g.province,
                    new WorkgroupEvents.GroupMemberData(g.id, g.province, g.type.name(), s.memberId, s.userId,
                            s.displayName, s.role.name()));
        }
        return seatView(s);
    }

    public Page<GroupDtos.View> list(String province, WorkingGroupType type, GroupStatus status, PageRequest page) {
        String scope = access.readScope(province);
        Filter f = Filter.where().eq("province", scope).eq("type", type).eq("status", status).after(page.afterId());
        List<WorkingGroup> rows = WorkingGroup.<WorkingGroup>find(f.query() + " order by id", f.params())
                .page(0, page.limit() + 1).list();
        return Page.of(rows, page.limit(), GroupService::view, g -> Cursor.of(g.id));
    }

    public List<GroupDtos.SeatView> seats(UUID groupId) {
        WorkingGroup g = visible(groupId);
        return GroupMember.<GroupMember>list("workingGroupId = ?1 order by id", g.id).stream()
                .map(GroupService::seatView).toList();
    }

    public List<HistoryView> history(UUID id) {
        return history.of(visible(id).id);
    }

    public WorkingGroup visible(UUID id) {
        WorkingGroup g = WorkingGroup.findById(id);
        if (g == null || !access.mayRead(g.province)) {
            throw Problems.notFound("working-group", id);
        }
        return g;
    }

    public static GroupDtos.View view(WorkingGroup g) {
        return new GroupDtos.View(g.id, g.version, g.province, g.type, g.name, g.basis, g.basisRef, g.status,
                g.formedOn, JalaliDate.format(g.formedOn), g.dissolvedOn,
                g.dissolvedOn == null ? null : JalaliDate.format(g.dissolvedOn));
    }

    public static GroupDtos.SeatView seatView(GroupMember s) {
        return new GroupDtos.SeatView(s.id, s.version, s.workingGroupId, s.personId, s.memberId, s.displayName,
                s.role, s.status, s.proposalRef, s.status.counts());
    }
}
