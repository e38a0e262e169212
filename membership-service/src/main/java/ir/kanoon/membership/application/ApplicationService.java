package ir.kanoon.membership.application;

import ir.kanoon.membership.access.FourEyes;
import ir.kanoon.membership.access.MembershipAccess;
import ir.kanoon.membership.events.ApplicationEventData;
import ir.kanoon.membership.events.MembershipEvents;
import ir.kanoon.platform.history.Actor;
import ir.kanoon.membership.history.Aggregates;
import ir.kanoon.platform.history.History;
import ir.kanoon.platform.history.HistoryView;
import ir.kanoon.membership.member.BoardResolution;
import ir.kanoon.membership.member.Member;
import ir.kanoon.membership.member.MemberService;
import ir.kanoon.membership.profile.Category;
import ir.kanoon.membership.profile.Profile;
import ir.kanoon.membership.profile.ProfileEditor;
import ir.kanoon.platform.ids.Uuids;
import ir.kanoon.platform.jalali.TehranTime;
import ir.kanoon.platform.outbox.Outbox;
import ir.kanoon.platform.paging.Cursor;
import ir.kanoon.platform.paging.Page;
import ir.kanoon.platform.paging.PageRequest;
import ir.kanoon.platform.persian.PersianText;
import ir.kanoon.platform.problem.ApiException;
import ir.kanoon.platform.problem.Problems;
import ir.kanoon.platform.province.Provinces;
import ir.kanoon.platform.security.Caller;
import ir.kanoon.platform.security.ETags;
import ir.kanoon.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Applications for membership (Art. 4) and their qualification under the Board's supervision (Art. 7). */
@ApplicationScoped
public class ApplicationService {

    /** The {@code rule} of the national-ID binding problems (issue 7: no squatting someone else's ID). */
    static final String NATIONAL_ID_RULE = "national-id-binding";

    @Inject
    ApplicationRepository applications;

    @Inject
    OnePersonRule onePerson;

    @Inject
    MemberService members;

    @Inject
    History history;

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    @Transactional
    public ApplicationView submit(ApplicationForm form) {
        Problems.ValidationBuilder v = Problems.validation();
        String province = form.province() == null ? null : form.province().strip().toUpperCase(java.util.Locale.ROOT);
        if (province == null || province.isEmpty()) {
            v.field("province", "required");
        } else if (!Provinces.exists(province)) {
            v.field("province", "province.unknown");
        }
        Profile profile = new Profile();
        ProfileEditor.apply(form, profile, true, TehranTime.today(), v);
        v.throwIfAny();
        boolean onBehalf = requireBoundNationalId(profile.nationalId, province);
        onePerson.requireNoOther(profile.nationalId);

        Application a = new Application();
        a.id = Uuids.v7();
        a.province = province;
        a.status = ApplicationStatus.SUBMITTED;
        Actor actor = Actor.of(caller);
        if (onBehalf) {
            a.filedBy = actor.subject();
            a.filedByName = actor.name();
        } else {
            a.applicantSubject = caller.subject();
        }
        a.profile = profile;
        a.createdAt = Instant.now();
        a.updatedAt = a.createdAt;
        applications.persist(a);
        history.record(Aggregates.APPLICATION, a.id, actor, onBehalf ? "SUBMITTED_ON_BEHALF" : "SUBMITTED", null,
                a.status, null, null);
        publish(MembershipEvents.APPLICATION_SUBMITTED, a);
        applications.flush();
        return view(a);
    }

    public Page<ApplicationView> list(String province, ApplicationStatus status, Category category, PageRequest page) {
        UUID afterId = page.afterId();
        String scope;
        String applicant = null;
        String applicantNid = null;
        if (caller.hasAnyRole(MembershipAccess.APPLICATION_READERS) || MembershipAccess.isNationalReader(caller)) {
            if (caller.hasRole(Roles.INTEGRATION) && !caller.hasAnyRole(Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST)) {
                throw Problems.forbidden("forbidden"); // applications are not part of the integration read model
            }
            scope = MembershipAccess.readScope(caller, province).orElse(null);
        } else {
            // Applicants see their own applications, in whatever province they applied, including those
            // staff filed under their verified national ID.
            scope = province == null || province.isBlank() ? null : province.strip().toUpperCase(java.util.Locale.ROOT);
            applicant = caller.subject();
            applicantNid = caller.nationalId().orElse(null);
        }
        List<Application> rows = applications.page(scope, applicant, applicantNid, status, category, afterId,
                page.limit());
        return Page.of(rows, page.limit(), this::view, a -> Cursor.of(a.id));
    }

    /** The application if the caller may see it (the applicant, or a reader of its province); otherwise 404. */
    public Application visible(UUID id) {
        Application a = applications.findByIdOptional(id).orElseThrow(() -> Problems.notFound("application", id));
        if (!isPerson(a) && !MembershipAccess.mayReadApplications(caller, a.province)) {
            throw Problems.notFound("application", id);
        }
        return a;
    }

    public List<HistoryView> history(UUID id) {
        return history.of(visible(id).id);
    }

    /** The applicant completes or corrects their application; NEEDS_INFO goes back to SUBMITTED. */
    @Transactional
    public ApplicationView edit(UUID id, String ifMatch, ApplicationForm form) {
        Application a = ownApplication(id);
        ETags.requireMatch(ifMatch, a.version);
        ApplicationStatus from = a.status;
        ApplicationStatus to = ApplicationLifecycle.next(from, ApplicationLifecycle.Action.EDIT);
        Problems.ValidationBuilder v = Problems.validation();
        if (form.province() != null && !form.province().strip().equalsIgnoreCase(a.province)) {
            v.field("province", "application.immutable");
        }
        if (form.nationalId() != null) {
            v.field("nationalId", "application.immutable");
        }
        ProfileEditor.apply(form, a.profile, false, TehranTime.today(), v);
        v.throwIfAny();
        a.status = to;
        a.updatedAt = Instant.now();
        history.record(Aggregates.APPLICATION, a.id, Actor.of(caller), from == to ? "EDITED" : "RESUBMITTED", from, to,
                null, null);
        if (from != to) {
            publish(MembershipEvents.APPLICATION_SUBMITTED, a);
        }
        applications.flush();
        return view(a);
    }

    @Transactional
    public ApplicationView withdraw(UUID id, String ifMatch, WithdrawRequest request) {
        Application a = ownApplication(id);
        ETags.requireMatch(ifMatch, a.version);
        ApplicationStatus from = a.status;
        a.status = ApplicationLifecycle.next(from, ApplicationLifecycle.Action.WITHDRAW);
        a.updatedAt = Instant.now();
        history.record(Aggregates.APPLICATION, a.id, Actor.of(caller), "WITHDRAWN", from, a.status, null,
                request == null ? null : PersianText.canonical(request.reason()));
        applications.flush();
        return view(a);
    }

    /** The secretariat takes the application up for the Board-supervised review (Art. 7). */
    @Transactional
    public ApplicationView startReview(UUID id, String ifMatch) {
        Application a = decidable(id, "review");
        ETags.requireMatch(ifMatch, a.version);
        ApplicationStatus from = a.status;
        a.status = ApplicationLifecycle.next(from, ApplicationLifecycle.Action.START_REVIEW);
        a.updatedAt = Instant.now();
        history.record(Aggregates.APPLICATION, a.id, Actor.of(caller), "REVIEW_STARTED", from, a.status, null, null);
        applications.flush();
        return view(a);
    }

    /**
     * Records the qualification decision (Art. 7, R8): who decided, the Board resolution, the reason.
     * Approval admits the person as a member (Art. 4) in the same transaction.
     */
    @Transactional
    public ApplicationView decide(UUID id, String ifMatch, DecisionRequest request) {
        Application a = decidable(id, "decide");
        ETags.requireMatch(ifMatch, a.version);
        ApplicationStatus from = a.status;
        ApplicationStatus to = ApplicationLifecycle.next(from, ApplicationLifecycle.actionOf(request.decision()));
        String reason = PersianText.canonical(request.reason());
        String resolution = null;
        if (request.decision() == Decision.NEEDS_INFO) {
            if (reason == null || reason.isEmpty()) {
                throw Problems.invalid("reason", "decision.reason-required");
            }
            resolution = request.resolutionRef() == null || request.resolutionRef().isBlank() ? null
                    : PersianText.canonical(request.resolutionRef());
        } else {
            resolution = BoardResolution.require(request.resolutionRef());
            if (request.decision() == Decision.REJECTED && (reason == null || reason.isEmpty())) {
                throw Problems.invalid("reason", "decision.reason-required");
            }
        }
        Actor actor = Actor.of(caller);
        a.status = to;
        a.decision = request.decision();
        a.decidedBy = actor.name();
        a.decidedAt = Instant.now();
        a.resolutionRef = resolution;
        a.decisionReason = reason == null || reason.isEmpty() ? null : reason;
        a.updatedAt = a.decidedAt;
        if (request.decision() == Decision.APPROVED) {
            Member m = members.admit(a.id, a.province, a.applicantSubject, a.profile, actor, resolution);
            a.memberId = m.id;
        }
        history.record(Aggregates.APPLICATION, a.id, actor, "DECIDED_" + request.decision(), from, to, resolution,
                a.decisionReason);
        publish(MembershipEvents.APPLICATION_DECIDED, a);
        applications.flush();
        return view(a);
    }

    public ApplicationView view(Application a) {
        return ApplicationView.of(a, MembershipAccess.seesPersonalData(caller, a.province, a.applicantSubject,
                a.profile.nationalId));
    }

    /**
     * National-ID binding: a person applies only under their own national ID, proven by the token's
     * {@code national_id} claim (a user attribute only administrators or a verification step set), so nobody
     * can block someone else nationwide by applying with their ID. The province's secretariat or labour-dg
     * may file on someone's behalf (returns true; recorded as such). Checked before the one-person rule, so
     * the 409 of that rule cannot be used to probe other people's national IDs.
     */
    private boolean requireBoundNationalId(String nationalId, String province) {
        Optional<String> own = caller.nationalId();
        if (own.isPresent() && own.get().equals(nationalId)) {
            return false;
        }
        if (MembershipAccess.mayDecide(caller, province)) {
            return true;
        }
        if (own.isEmpty()) {
            throw new ApiException(403, "national-id.unverified", NATIONAL_ID_RULE, List.of(), Map.of());
        }
        throw new ApiException(403, "national-id.not-yours", NATIONAL_ID_RULE,
                List.of(new ApiException.FieldError("nationalId", "national-id.not-yours.field")), Map.of());
    }

    private boolean isPerson(Application a) {
        return MembershipAccess.isPerson(caller, a.applicantSubject, a.profile.nationalId);
    }

    private Application ownApplication(UUID id) {
        Application a = visible(id);
        if (!isPerson(a)) {
            throw Problems.forbidden("application.applicant-only");
        }
        return a;
    }

    private Application decidable(UUID id, String action) {
        Application a = visible(id);
        if (!MembershipAccess.mayDecide(caller, a.province)) {
            throw Problems.forbidden("application.decider-only");
        }
        FourEyes.requireNotOwnCase(caller, a.applicantSubject, a.profile.nationalId, a.filedBy, action);
        return a;
    }

    private void publish(String type, Application a) {
        outbox.record(type, a.id.toString(), a.province, new ApplicationEventData(a.id, a.memberId, a.applicantSubject,
                a.province, a.profile.category, a.profile.sector, a.profile.displayName(), a.profile.expertiseList(),
                a.status.name(), a.decision == null ? null : a.decision.name(), a.resolutionRef));
    }
}
