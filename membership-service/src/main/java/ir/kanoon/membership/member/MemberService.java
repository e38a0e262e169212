package ir.kanoon.membership.member;

import ir.kanoon.membership.access.FourEyes;
import ir.kanoon.membership.access.MembershipAccess;
import ir.kanoon.membership.events.MemberEventData;
import ir.kanoon.membership.events.MembershipEvents;
import ir.kanoon.platform.history.Actor;
import ir.kanoon.membership.history.Aggregates;
import ir.kanoon.platform.history.History;
import ir.kanoon.platform.history.HistoryView;
import ir.kanoon.membership.profile.Category;
import ir.kanoon.membership.profile.Profile;
import ir.kanoon.membership.profile.ProfileEditor;
import ir.kanoon.membership.profile.Sector;
import ir.kanoon.platform.ids.Uuids;
import ir.kanoon.platform.jalali.JalaliDate;
import ir.kanoon.platform.jalali.TehranClock;
import ir.kanoon.platform.jalali.TehranTime;
import ir.kanoon.platform.outbox.Outbox;
import ir.kanoon.platform.paging.Cursor;
import ir.kanoon.platform.paging.Page;
import ir.kanoon.platform.paging.PageRequest;
import ir.kanoon.platform.persian.PersianText;
import ir.kanoon.platform.problem.ApiException;
import ir.kanoon.platform.problem.Problems;
import ir.kanoon.platform.security.Caller;
import ir.kanoon.platform.security.ETags;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.ReadOnlyMode;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Members: admission (from an approved application), the register, profile and status changes (Art. 4, 7). */
@ApplicationScoped
public class MemberService {

    @Inject
    MemberRepository members;

    @Inject
    MembershipNumbers numbers;

    @Inject
    History history;

    @Inject
    TehranClock tehranClock;

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    @Inject
    MembershipConfig config;

    /**
     * Admission (Art. 4, after the qualification decision of Art. 7): a new ACTIVE member with the next
     * membership number of the province and Jalali year, and a first term.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Member admit(UUID applicationId, String province, String userSubject, Profile profile, Actor actor,
                        String resolutionRef) {
        LocalDate today = tehranClock.today();
        Member m = new Member();
        m.id = Uuids.v7();
        m.membershipNumber = numbers.next(province, JalaliDate.of(today).year());
        m.province = province;
        m.status = MemberStatus.ACTIVE;
        m.userSubject = userSubject;
        m.applicationId = applicationId;
        m.profile = profile.copy();
        m.admittedOn = today;
        m.termEnd = MembershipTerm.firstTermEnd(today, config.termYears());
        m.createdAt = Instant.now();
        m.touch();
        members.persist(m);
        history.record(Aggregates.MEMBER, m.id, actor, "ADMITTED", null, MemberStatus.ACTIVE, resolutionRef, null);
        publish(MembershipEvents.MEMBER_ADMITTED, m, null, resolutionRef);
        return m;
    }

    public Page<MemberView> list(String province, Category category, Sector sector, MemberStatus status,
                                 String expertise, String q, PageRequest page) {
        requireReader();
        Optional<String> scope = MembershipAccess.readScope(caller, province);
        List<String> tokens = PersianText.searchTokens(q);
        if (tokens.size() > 5) {
            throw Problems.invalid("q", "search.too-many-words", 5);
        }
        String expertiseKey = expertise == null || expertise.isBlank() ? null : PersianText.fold(expertise);
        UUID afterId = page.afterId();
        List<Member> rows = members.page(new MemberFilter(scope, category, sector, status, expertiseKey, tokens),
                afterId, page.limit());
        return Page.of(rows, page.limit(), this::view, m -> Cursor.of(m.id));
    }

    /** A member the caller may see (the person, or a reader of that province); otherwise 404. */
    public Member visible(UUID id) {
        return visible(id, members.findById(id));
    }

    /**
     * {@code GET /members/{id}}: the same check as {@link #visible}, on a member loaded read-only: a read never
     * changes it, so Hibernate keeps no copy of its state to dirty-check (issue 13, the member read path).
     */
    public MemberView read(UUID id) {
        return view(visible(id, members.getSession().find(Member.class, id, ReadOnlyMode.READ_ONLY)));
    }

    private Member visible(UUID id, Member m) {
        if (m == null || !isPerson(m) && !MembershipAccess.mayReadMembers(caller, m.province)) {
            throw Problems.notFound("member", id);
        }
        return m;
    }

    public MemberView me() {
        Member m = members.latestOfUser(caller.subject())
                .or(() -> caller.nationalId().flatMap(members::latestOfNationalId))
                .orElseThrow(() -> Problems.notFound("member", "me"));
        return view(m);
    }

    public List<HistoryView> history(UUID id) {
        Member m = visible(id);
        if (!isPerson(m) && !MembershipAccess.seesPersonalData(caller, m.province, m.userSubject, m.profile.nationalId)
                && !caller.hasAnyRole(MembershipAccess.APPLICATION_READERS)) {
            // The audit trail (reasons of suspensions, …) is for the person, the secretariat, the Board and the ministry.
            throw Problems.forbidden("forbidden");
        }
        return history.of(m.id);
    }

    /** The member themself edits contact and evidence; so may their province's secretariat. */
    @Transactional
    public MemberView patch(UUID id, String ifMatch, MemberPatch patch) {
        Member m = visible(id);
        boolean self = isPerson(m);
        if (!self && !MembershipAccess.mayDecide(caller, m.province)) {
            throw Problems.forbidden("forbidden");
        }
        ETags.requireMatch(ifMatch, m.version);
        if (m.status == MemberStatus.TERMINATED) {
            throw Problems.conflict("member.terminated", m.membershipNumber);
        }
        requireNoQualificationFacts(patch);
        Problems.ValidationBuilder v = Problems.validation();
        ProfileEditor.apply(patch, m.profile, false, TehranTime.today(), v);
        v.throwIfAny();
        m.touch();
        history.record(Aggregates.MEMBER, m.id, Actor.of(caller), "PROFILE_UPDATED", null, null, null, null);
        publish(MembershipEvents.MEMBER_PROFILE_UPDATED, m, null, null);
        members.flush();
        return view(m);
    }

    /** Suspend, reinstate, terminate or renew on a Board resolution (Art. 7, R8), by the province's secretariat. */
    @Transactional
    public MemberView change(UUID id, String ifMatch, MemberAction action, StatusChange request) {
        Member m = visible(id);
        if (!MembershipAccess.mayDecide(caller, m.province)) {
            throw Problems.forbidden("forbidden");
        }
        FourEyes.requireNotOwnCase(caller, m.userSubject, m.profile.nationalId, null, action.name().toLowerCase());
        ETags.requireMatch(ifMatch, m.version);
        String resolution = BoardResolution.require(request.resolutionRef());
        MemberStatus from = m.status;
        m.status = MemberLifecycle.next(from, action);
        if (action == MemberAction.RENEW) {
            m.termEnd = MembershipTerm.renewedTermEnd(m.termEnd, TehranTime.today(), config.termYears());
        }
        m.touch();
        history.record(Aggregates.MEMBER, m.id, Actor.of(caller), action.name(), from, m.status, resolution,
                PersianText.canonical(request.reason()));
        publish(eventOf(action), m, from, resolution);
        members.flush();
        return view(m);
    }

    /**
     * Expires members whose term ended before {@code today} (Tehran), one batch per call; returns how many.
     * Called by {@link MemberExpiryJob} until a batch comes back short.
     */
    @Transactional
    public int expireBatch(LocalDate today) {
        List<Member> due = members.lockTermsEndedBefore(today, config.expiryBatchSize());
        for (Member m : due) {
            MemberStatus from = m.status;
            m.status = MemberLifecycle.next(from, MemberAction.EXPIRE);
            m.touch();
            history.record(Aggregates.MEMBER, m.id, Actor.system(), MemberAction.EXPIRE.name(), from, m.status, null,
                    "term ended " + m.termEnd);
            publish(MembershipEvents.MEMBER_EXPIRED, m, from, null);
        }
        return due.size();
    }

    public MemberStats stats(String province) {
        requireReader();
        Optional<String> scope = MembershipAccess.readScope(caller, province);
        Map<MemberStatus, Long> byStatus = MemberRepository.complete(MemberStatus.class,
                members.countBy("status", scope, false));
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        return new MemberStats(scope.orElse(null), total, byStatus.get(MemberStatus.ACTIVE), byStatus,
                MemberRepository.complete(Category.class, members.countBy("category", scope, true)),
                MemberRepository.complete(Sector.class, members.countBy("sector", scope, true)));
    }

    public MemberView view(Member m) {
        return MemberView.of(m, MembershipAccess.seesPersonalData(caller, m.province, m.userSubject,
                m.profile.nationalId));
    }

    private boolean isPerson(Member m) {
        return MembershipAccess.isPerson(caller, m.userSubject, m.profile.nationalId);
    }

    /**
     * The facts of the member's category (Art. 4-2 university and rank, Art. 4-3 organisation and its
     * registration, Art. 4-4 government body and position) were the basis of the Board-supervised
     * qualification decision (Art. 7, R8): a PATCH cannot change them. 422 naming Art. 7 and each field.
     */
    private static void requireNoQualificationFacts(MemberPatch patch) {
        List<ApiException.FieldError> refused = new ArrayList<>();
        Object[][] facts = {{"university", patch.university()}, {"academicRank", patch.academicRank()},
                {"organisation", patch.organisation()}, {"registrationNumber", patch.registrationNumber()},
                {"governmentBody", patch.governmentBody()}, {"position", patch.position()}};
        for (Object[] fact : facts) {
            if (fact[1] != null) {
                refused.add(new ApiException.FieldError((String) fact[0], "member.qualification-fact.field"));
            }
        }
        if (!refused.isEmpty()) {
            throw new ApiException(422, "member.qualification-fact", "Art. 7", refused, java.util.Map.of());
        }
    }

    private void requireReader() {
        if (!caller.hasAnyRole(MembershipAccess.MEMBER_READERS) && !caller.isNational()) {
            throw Problems.forbidden("forbidden");
        }
    }

    private void publish(String type, Member m, MemberStatus previous, String resolutionRef) {
        outbox.record(type, m.id.toString(), m.province, new MemberEventData(m.id, m.membershipNumber, m.userSubject,
                m.province, m.profile.category, m.profile.sector, m.profile.displayName(), m.profile.expertiseList(),
                m.status.name(), previous == null ? null : previous.name(), m.termEnd, resolutionRef));
    }

    private static String eventOf(MemberAction action) {
        return switch (action) {
            case SUSPEND -> MembershipEvents.MEMBER_SUSPENDED;
            case REINSTATE -> MembershipEvents.MEMBER_REINSTATED;
            case TERMINATE -> MembershipEvents.MEMBER_TERMINATED;
            case RENEW -> MembershipEvents.MEMBER_RENEWED;
            case EXPIRE -> MembershipEvents.MEMBER_EXPIRED;
        };
    }
}
