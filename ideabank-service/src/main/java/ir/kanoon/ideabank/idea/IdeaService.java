package ir.kanoon.ideabank.idea;

import ir.kanoon.ideabank.events.IdeabankEvents;
import ir.kanoon.ideabank.workgroup.WorkingGroups;
import ir.kanoon.platform.history.Actor;
import ir.kanoon.platform.history.History;
import ir.kanoon.platform.history.HistoryEntry;
import ir.kanoon.platform.history.HistoryView;
import ir.kanoon.platform.ids.Uuids;
import ir.kanoon.platform.jalali.JalaliDate;
import ir.kanoon.platform.outbox.Outbox;
import ir.kanoon.platform.paging.Cursor;
import ir.kanoon.platform.paging.Page;
import ir.kanoon.platform.paging.PageRequest;
import ir.kanoon.platform.persian.PersianText;
import ir.kanoon.platform.problem.Problems;
import ir.kanoon.platform.province.Provinces;
import ir.kanoon.platform.security.Caller;
import ir.kanoon.platform.security.ETags;
import ir.kanoon.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/** Ideas: submission, confidentiality, the stage gate, reviews, decision, referral, duplicates and merge. */
@ApplicationScoped
public class IdeaService {

    static final String AGGREGATE = "IDEA";
    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");

    @Inject
    EntityManager em;
    @Inject
    Caller caller;
    @Inject
    Outbox outbox;
    @Inject
    History history;
    @Inject
    WorkingGroups workingGroups;
    @Inject
    CriteriaConfig config;

    // ------------------------------------------------------------------ submission and revision

    @Transactional
    public IdeaView submit(IdeaForm form) {
        if (caller.isReadOnly()) {
            throw Problems.forbidden("forbidden-read-only", caller.hasRole(Roles.MINISTRY_ANALYST) ? Roles.MINISTRY_ANALYST : Roles.INTEGRATION);
        }
        validate(form);
        Idea idea = new Idea();
        idea.id = Uuids.v7();
        idea.submitter = caller.subject();
        idea.submitterName = caller.displayName();
        idea.status = IdeaStatus.SUBMITTED;
        idea.createdAt = Instant.now();
        apply(idea, form);
        em.persist(idea);
        history.record(HistoryEntry.of(AGGREGATE, idea.id, Actor.of(caller), "SUBMITTED").withStatus(null, IdeaStatus.SUBMITTED));
        outbox.record("idea.submitted", idea.id.toString(), idea.province,
                new IdeabankEvents.Submitted(idea.id, idea.province, idea.kind.name(), idea.sector));
        em.flush();
        // duplicate detection on submission (issue 10): what the submitter may see of the closest ideas
        return view(idea, Visibility.FULL).withSimilar(similarTo(idea, null));
    }

    /** The owner revises an idea while it is SUBMITTED or NEEDS_REVISION; a revised NEEDS_REVISION idea is SUBMITTED again. */
    @Transactional
    public IdeaView revise(UUID id, String ifMatch, IdeaForm form) {
        Idea idea = find(id);
        requireVisible(idea);
        if (!idea.ownedBy(caller.subject()) || caller.isReadOnly()) {
            throw Problems.forbidden("idea.owner-only");
        }
        ETags.requireMatch(ifMatch, idea.version);
        if (idea.status != IdeaStatus.SUBMITTED && idea.status != IdeaStatus.NEEDS_REVISION) {
            throw Problems.ruleConflict(IdeaWorkflow.ARTICLE, "idea.not-editable", idea.status);
        }
        validate(form);
        if (!form.province().equals(idea.province)) {
            throw Problems.invalid("province", "idea.province-fixed");
        }
        IdeaStatus from = idea.status;
        apply(idea, form);
        HistoryEntry entry = HistoryEntry.of(AGGREGATE, idea.id, Actor.of(caller), "REVISED");
        if (from == IdeaStatus.NEEDS_REVISION) {
            changeStatus(idea, IdeaStatus.SUBMITTED);
            entry = entry.withStatus(from, IdeaStatus.SUBMITTED);
        }
        history.record(entry);
        em.flush();
        return view(idea, Visibility.FULL);
    }

    private void validate(IdeaForm form) {
        var v = Problems.validation();
        if (!Provinces.exists(form.province())) {
            v.field("province", "province.unknown");
        }
        if (form.kind() == IdeaKind.INVENTION && form.patent() == null) {
            v.field("patent", "idea.patent-required");
        }
        if (form.kind() != IdeaKind.INVENTION && form.patent() != null) {
            v.field("patent", "idea.patent-inventions-only");
        }
        v.throwIfAny();
    }

    private void apply(Idea idea, IdeaForm form) {
        idea.kind = form.kind();
        idea.title = PersianText.canonical(form.title());
        idea.summary = PersianText.canonical(form.summary());
        idea.description = form.description() == null ? null : PersianText.canonical(form.description());
        idea.sector = form.sector();
        idea.tags = form.tags() == null ? new ArrayList<>()
                : form.tags().stream().map(PersianText::canonical).distinct().collect(Collectors.toCollection(ArrayList::new));
        idea.stage = form.stage();
        idea.supportSought = form.supportSought() == null ? new ArrayList<>()
                : form.supportSought().stream().map(Enum::name).sorted().collect(Collectors.toCollection(ArrayList::new));
        idea.province = form.province();
        idea.confidentiality = form.confidentiality();
        idea.team = form.team() == null ? new ArrayList<>() : form.team().stream()
                .map(t -> new TeamMember(t.userId(), t.memberId(), PersianText.canonical(t.displayName()),
                        t.role() == null ? null : PersianText.canonical(t.role())))
                .collect(Collectors.toCollection(ArrayList::new));
        idea.teamUsers = idea.team.stream().map(TeamMember::userId).filter(Objects::nonNull).distinct()
                .collect(Collectors.toCollection(ArrayList::new));
        if (form.patent() != null) {
            idea.patentNumber = PersianText.asciiDigits(form.patent().registrationNumber().strip());
            idea.patentOffice = PersianText.canonical(form.patent().office());
            idea.patentDate = form.patent().date();
        } else {
            idea.patentNumber = null;
            idea.patentOffice = null;
            idea.patentDate = null;
        }
        idea.similarityText = SimilarityKey.text(idea.title, idea.summary);
        idea.similarityWords = new ArrayList<>(SimilarityKey.words(idea.title, idea.summary));
        idea.searchText = PersianText.fold(String.join(" ", idea.title, idea.summary,
                idea.description == null ? "" : idea.description, String.join(" ", idea.tags)));
        idea.updatedAt = Instant.now();
    }

    // ------------------------------------------------------------------ reading and confidentiality

    public Idea find(UUID id) {
        Idea idea = em.find(Idea.class, id);
        if (idea == null) {
            throw Problems.notFound("idea", id);
        }
        return idea;
    }

    /** Owner/team, an assigned reviewer, the province's staff or a ministry role. */
    public boolean privileged(Idea idea) {
        return privileged(idea, () -> isReviewer(idea.id, caller.subject()));
    }

    /** As {@link #privileged(Idea)}, asking whether the caller reviews the idea only when nothing else decides. */
    private boolean privileged(Idea idea, BooleanSupplier reviewer) {
        return idea.ownedBy(caller.subject()) || caller.mayRead(idea.province) || reviewer.getAsBoolean();
    }

    public Visibility visibility(Idea idea) {
        return visibility(idea, () -> isReviewer(idea.id, caller.subject()));
    }

    private Visibility visibility(Idea idea, BooleanSupplier reviewer) {
        boolean member = caller.hasAnyRole(Roles.MEMBER, Roles.TRUSTEE) && caller.isMemberOf(idea.province);
        return Visibility.of(idea.confidentiality, privileged(idea, reviewer), member);
    }

    /**
     * Which of these ideas the caller reviews, in one query (a page of a list would otherwise ask once per row);
     * only the ideas that neither ownership nor the caller's staff scope already open are asked about.
     */
    private Set<UUID> reviewing(List<Idea> ideas) {
        List<UUID> open = ideas.stream().filter(i -> !i.ownedBy(caller.subject()) && !caller.mayRead(i.province))
                .map(i -> i.id).toList();
        if (open.isEmpty() || caller.subject() == null) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery("SELECT r.ideaId FROM Review r WHERE r.reviewer = :s AND r.ideaId IN :ids", UUID.class)
                .setParameter("s", caller.subject()).setParameter("ids", open).getResultList());
    }

    /** 404 (existence private) when the caller may not see the idea at all. */
    public Visibility requireVisible(Idea idea) {
        Visibility v = visibility(idea);
        if (v == Visibility.NONE) {
            throw Problems.notFound("idea", idea.id);
        }
        return v;
    }

    public IdeaView get(UUID id) {
        Idea idea = find(id);
        return view(idea, requireVisible(idea));
    }

    boolean isReviewer(UUID ideaId, String subject) {
        return !em.createQuery("SELECT r.id FROM Review r WHERE r.ideaId = :i AND r.reviewer = :s")
                .setParameter("i", ideaId).setParameter("s", subject).setMaxResults(1).getResultList().isEmpty();
    }

    public IdeaView view(Idea i, Visibility v) {
        boolean full = v == Visibility.FULL;
        return new IdeaView(i.id, i.version, i.province, i.kind, i.title, i.summary, full ? i.description : null,
                i.sector, i.tags, i.stage, i.supportSought, i.confidentiality, i.status, v,
                full ? i.submitterName : null, full ? i.team : null,
                full && i.patentNumber != null ? new IdeaView.Patent(i.patentNumber, i.patentOffice, i.patentDate,
                        JalaliDate.format(i.patentDate)) : null,
                full ? new IdeaView.Evaluation(i.reviewsAssigned, i.reviewsCompleted, i.weightedScore) : null,
                full && i.decidedBy != null ? new IdeaView.Decision(decisionOutcome(i), i.decidedBy, i.decidedByName,
                        i.decisionReason, i.decidedAt) : null,
                i.referredTo != null ? new IdeaView.Referral(i.referredTo, i.referredOrganisation) : null,
                i.mergedInto, i.createdAt, JalaliDate.format(i.createdAt.atZone(TEHRAN).toLocalDate()), i.updatedAt, null);
    }

    private static IdeaStatus decisionOutcome(Idea i) {
        return i.status == IdeaStatus.REFERRED ? IdeaStatus.ACCEPTED : i.status == IdeaStatus.SUBMITTED ? IdeaStatus.NEEDS_REVISION : i.status;
    }

    // ------------------------------------------------------------------ listing, search, facets

    /** The SQL condition limiting ideas to what the caller may see; adds its parameters. */
    private String visibleClause(Map<String, Object> params) {
        if (caller.isNational()) {
            return "true";
        }
        params.put("me", caller.subject());
        StringBuilder sql = new StringBuilder("(i.confidentiality <> 'REVIEWERS' OR i.submitter = :me OR :me = ANY(i.team_users)"
                + " OR EXISTS (SELECT 1 FROM review r WHERE r.idea_id = i.id AND r.reviewer = :me)");
        if (caller.province().isPresent() && caller.hasAnyRole(Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY, Roles.INTEGRATION)) {
            params.put("staffProvince", caller.province().get());
            sql.append(" OR i.province = :staffProvince");
        }
        return sql.append(")").toString();
    }

    public record Filter(String q, IdeaKind kind, Stage stage, IdeaStatus status, String sector, String province,
                         SupportKind supportSought) {
    }

    private String where(Filter f, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder(" WHERE ").append(visibleClause(params));
        int n = 0;
        for (String token : PersianText.searchTokens(f.q())) {
            if (n == 8) {
                throw Problems.invalid("q", "search.too-many-words", 8);
            }
            params.put("q" + n, "%" + token.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            sql.append(" AND i.search_text LIKE :q").append(n++);
        }
        if (f.kind() != null) {
            params.put("kind", f.kind().name());
            sql.append(" AND i.kind = :kind");
        }
        if (f.stage() != null) {
            params.put("stage", f.stage().name());
            sql.append(" AND i.stage = :stage");
        }
        if (f.status() != null) {
            params.put("status", f.status().name());
            sql.append(" AND i.status = :status");
        }
        if (f.sector() != null && !f.sector().isBlank()) {
            params.put("sector", f.sector().strip());
            sql.append(" AND i.sector = :sector");
        }
        if (f.province() != null && !f.province().isBlank()) {
            params.put("province", f.province().strip());
            sql.append(" AND i.province = :province");
        }
        if (f.supportSought() != null) {
            params.put("support", f.supportSought().name());
            sql.append(" AND :support = ANY(i.support_sought)");
        }
        return sql.toString();
    }

    @SuppressWarnings("unchecked")
    public Page<IdeaView> list(Filter f, PageRequest page) {
        Map<String, Object> params = new LinkedHashMap<>();
        String sql = "SELECT i.* FROM idea i" + where(f, params);
        UUID after = page.afterId();
        if (after != null) {
            params.put("after", after);
            sql += " AND i.id < :after";
        }
        sql += " ORDER BY i.id DESC LIMIT " + (page.limit() + 1);
        var query = em.createNativeQuery(sql, Idea.class);
        params.forEach(query::setParameter);
        List<Idea> rows = query.getResultList();
        Set<UUID> reviewing = reviewing(rows);
        return Page.of(rows, page.limit(), i -> view(i, visibility(i, () -> reviewing.contains(i.id))), i -> Cursor.of(i.id));
    }

    public IdeaFacets facets(Filter f) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(f, params);
        long total = ((Number) bind(em.createNativeQuery("SELECT count(*) FROM idea i" + where), params).getSingleResult()).longValue();
        return new IdeaFacets(total, count("i.kind", where, params), count("i.stage", where, params),
                count("i.status", where, params), count("i.sector", where, params), count("i.province", where, params),
                count("unnest(i.support_sought)", where, params));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Long> count(String column, String where, Map<String, Object> params) {
        List<Object[]> rows = bind(em.createNativeQuery("SELECT v, count(*) FROM (SELECT " + column + " AS v FROM idea i" + where
                + ") x GROUP BY v ORDER BY v"), params).getResultList();
        Map<String, Long> out = new LinkedHashMap<>();
        rows.forEach(r -> out.put(String.valueOf(r[0]), ((Number) r[1]).longValue()));
        return out;
    }

    private static jakarta.persistence.Query bind(jakarta.persistence.Query q, Map<String, Object> params) {
        params.forEach(q::setParameter);
        return q;
    }

    // ------------------------------------------------------------------ duplicates

    /**
     * The ideas most similar to this one (pg_trgm similarity of the folded title and summary), among those the
     * caller may see; the idea itself and ideas merged away are left out.
     */
    @Transactional
    public List<SimilarIdea> similar(UUID id, Integer limit) {
        Idea idea = find(id);
        requireVisible(idea);
        return similarTo(idea, limit);
    }

    /**
     * Two stages, so the answer costs a few thousand index entries at 100,000 ideas (issue 10, p95 < 100 ms):
     * <ol>
     * <li>candidates: the ideas sharing the most <em>significant</em> words with this one (table {@code idea_word},
     * kept by a trigger from {@code idea.similarity_words}); a word found in {@code common-word-ideas} ideas or more
     * («برای», «با», …) says nothing about duplicates and is skipped — counting its postings stops at that cap;</li>
     * <li>the best {@code candidates} of them are scored by pg_trgm {@code similarity} of the folded title + summary
     * ({@link SimilarityKey#text}) and kept from {@code min-score} on; then the caller's visibility applies.</li>
     * </ol>
     */
    @SuppressWarnings("unchecked")
    @Transactional
    public List<SimilarIdea> similarTo(Idea idea, Integer limit) {
        int n = limit == null ? config.similar().limit() : limit;
        if (n < 1 || n > 50) {
            throw Problems.invalid("limit", "limit.invalid", 50);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("key", idea.similarityText);
        // words never contain a space (SimilarityKey splits on them): one text parameter, split in SQL
        params.put("words", String.join(" ", idea.similarityWords));
        params.put("except", idea.id);
        params.put("common", config.similar().commonWordIdeas());
        params.put("candidates", Math.max(config.similar().candidates(), n));
        params.put("min", config.similar().minScore());
        String sql = "WITH q AS (SELECT DISTINCT unnest(string_to_array(:words, ' ')) AS word),"
                + " sig AS (SELECT q.word FROM q WHERE (SELECT count(*) FROM (SELECT 1 FROM idea_word w WHERE w.word = q.word"
                + "   LIMIT :common) c) < :common),"
                + " cand AS (SELECT w.idea_id, count(*) AS shared FROM idea_word w JOIN sig ON sig.word = w.word"
                + "   WHERE w.idea_id <> :except GROUP BY w.idea_id ORDER BY shared DESC, w.idea_id LIMIT :candidates)"
                + " SELECT i.id, i.title, i.province, i.status, similarity(i.similarity_text, :key) AS score"
                + " FROM cand JOIN idea i ON i.id = cand.idea_id"
                + " WHERE i.status <> 'MERGED' AND similarity(i.similarity_text, :key) >= :min AND " + visibleClause(params)
                + " ORDER BY score DESC, i.id LIMIT " + n;
        List<Object[]> rows = bind(em.createNativeQuery(sql), params).getResultList();
        return rows.stream().map(r -> new SimilarIdea((UUID) r[0], (String) r[1], (String) r[2],
                IdeaStatus.valueOf((String) r[3]), Math.round(((Number) r[4]).doubleValue() * 1000) / 1000.0)).toList();
    }

    // ------------------------------------------------------------------ management acts (R13: the secretariat's)

    /** The province's staff (or ministry-admin), never on an idea that is theirs (four eyes); locks the idea. */
    private Idea manage(UUID id, String ifMatch) {
        Idea idea = find(id);
        requireVisible(idea);
        caller.requireWrite(idea.province);
        if (idea.ownedBy(caller.subject())) {
            throw Problems.forbidden("four-eyes.own-idea");
        }
        em.lock(idea, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(idea);
        ETags.requireMatch(ifMatch, idea.version);
        if (idea.status == IdeaStatus.MERGED) {
            throw Problems.ruleConflict(IdeaWorkflow.ARTICLE, "idea.merged-read-only", idea.mergedInto);
        }
        return idea;
    }

    private void changeStatus(Idea idea, IdeaStatus to) {
        IdeaStatus from = idea.status;
        idea.status = to;
        idea.updatedAt = Instant.now();
        outbox.record("idea.status-changed", idea.id.toString(), idea.province,
                new IdeabankEvents.StatusChanged(idea.id, idea.province, from.name(), to.name()));
    }

    /** Screening, evaluation start and decisions; a decision records who and why. */
    @Transactional
    public IdeaView changeStatus(UUID id, String ifMatch, StatusChange change) {
        Idea idea = manage(id, ifMatch);
        IdeaStatus from = idea.status;
        if (change.to() == IdeaStatus.REFERRED || change.to() == IdeaStatus.MERGED || change.to() == IdeaStatus.SUBMITTED) {
            throw Problems.invalid("to", "idea.status-via-action");
        }
        IdeaWorkflow.requireEvaluationState(from, change.to(), idea.reviewsAssigned, idea.reviewsCompleted);
        String reason = PersianText.canonical(change.reason());
        if (IdeaWorkflow.DECISIONS.contains(change.to()) || change.to() == IdeaStatus.REJECTED) {
            idea.decidedBy = caller.subject();
            idea.decidedByName = caller.displayName();
            idea.decisionReason = reason;
            idea.decidedAt = Instant.now();
        }
        changeStatus(idea, change.to());
        history.record(HistoryEntry.of(AGGREGATE, idea.id, Actor.of(caller), IdeaWorkflow.DECISIONS.contains(change.to())
                ? "DECIDED" : "STATUS_CHANGED").withStatus(from, change.to()).withReason(reason));
        em.flush();
        return view(idea, Visibility.FULL);
    }

    @Transactional
    public IdeaView refer(UUID id, String ifMatch, ReferralForm form) {
        Idea idea = manage(id, ifMatch);
        IdeaStatus from = idea.status;
        IdeaWorkflow.requireTransition(from, IdeaStatus.REFERRED);
        idea.referredTo = form.referredTo();
        idea.referredOrganisation = PersianText.canonical(form.organisation());
        changeStatus(idea, IdeaStatus.REFERRED);
        outbox.record("idea.referred", idea.id.toString(), idea.province,
                new IdeabankEvents.Referred(idea.id, idea.province, form.referredTo().name()));
        history.record(HistoryEntry.of(AGGREGATE, idea.id, Actor.of(caller), "REFERRED").withStatus(from, IdeaStatus.REFERRED)
                .withReference(form.referredTo() + ": " + idea.referredOrganisation).withReason(PersianText.canonical(form.reason())));
        em.flush();
        return view(idea, Visibility.FULL);
    }

    @Transactional
    public ReviewView assign(UUID id, String ifMatch, AssignReviewer body) {
        Idea idea = manage(id, ifMatch);
        if (idea.status != IdeaStatus.SCREENING && idea.status != IdeaStatus.UNDER_EVALUATION) {
            throw Problems.ruleConflict(IdeaWorkflow.ARTICLE, "reviewer.wrong-state", idea.status);
        }
        String reviewer = body.userId().strip();
        var member = workingGroups.ideasGroupMember(idea.province, reviewer);
        if (body.outsideExpert() && (body.displayName() == null || body.displayName().isBlank()
                || body.expertise() == null || body.expertise().isBlank())) {
            throw Problems.validation().field("displayName", "expert.required").field("expertise", "expert.required").build();
        }
        ReviewerEligibility.check(reviewer, idea.submitter, idea.teamUsers, body.outsideExpert(), member.isPresent());
        if (isReviewer(idea.id, reviewer)) {
            throw Problems.conflict("reviewer.already-assigned");
        }
        Review r = new Review();
        r.id = Uuids.v7();
        r.ideaId = idea.id;
        r.reviewer = reviewer;
        r.outsideExpert = body.outsideExpert();
        r.reviewerName = body.outsideExpert() ? PersianText.canonical(body.displayName())
                : member.filter(s -> !s.isEmpty()).orElse(body.displayName());
        r.expertise = body.expertise() == null ? null : PersianText.canonical(body.expertise());
        r.assignedBy = caller.subject();
        r.assignedAt = Instant.now();
        em.persist(r);
        idea.reviewsAssigned++;
        idea.updatedAt = Instant.now();
        history.record(HistoryEntry.of(AGGREGATE, idea.id, Actor.of(caller), body.outsideExpert()
                ? "OUTSIDE_EXPERT_ASSIGNED" : "REVIEWER_ASSIGNED").withReference(reviewer));
        em.flush();
        return ReviewView.of(r);
    }

    /** The assigned reviewer scores the configured criteria; the idea's weighted score is recomputed. */
    @Transactional
    public ReviewView review(UUID id, ReviewForm form) {
        Idea idea = find(id);
        @SuppressWarnings("unchecked")
        List<Review> mine = em.createQuery("SELECT r FROM Review r WHERE r.ideaId = :i AND r.reviewer = :s")
                .setParameter("i", id).setParameter("s", caller.subject()).getResultList();
        if (mine.isEmpty()) {
            if (visibility(idea) == Visibility.NONE) {
                throw Problems.notFound("idea", id);
            }
            throw Problems.forbidden("review.assigned-only");
        }
        if (caller.isReadOnly()) {
            throw Problems.forbidden("forbidden-read-only", Roles.MINISTRY_ANALYST);
        }
        em.lock(idea, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(idea);
        if (idea.status != IdeaStatus.UNDER_EVALUATION) {
            throw Problems.ruleConflict(IdeaWorkflow.ARTICLE, "review.wrong-state", idea.status);
        }
        Review r = mine.get(0);
        em.refresh(r);
        if (r.completedAt != null) {
            throw Problems.conflict("review.already-completed");
        }
        r.score = WeightedScore.of(config.criteria(), form.scores());
        r.scores = new LinkedHashMap<>(form.scores());
        r.comment = PersianText.canonical(form.comment());
        r.completedAt = Instant.now();
        em.flush();
        @SuppressWarnings("unchecked")
        List<BigDecimal> scores = em.createQuery("SELECT r.score FROM Review r WHERE r.ideaId = :i AND r.completedAt IS NOT NULL")
                .setParameter("i", id).getResultList();
        idea.reviewsCompleted = scores.size();
        idea.weightedScore = WeightedScore.mean(scores);
        idea.updatedAt = Instant.now();
        outbox.record("idea.evaluated", idea.id.toString(), idea.province,
                new IdeabankEvents.Evaluated(idea.id, idea.province, idea.weightedScore));
        history.record(HistoryEntry.of(AGGREGATE, idea.id, Actor.of(caller), "REVIEWED").withReference(r.score.toPlainString()));
        em.flush();
        return ReviewView.of(r);
    }

    /**
     * Reviews of an idea: the province's staff and ministry, and each reviewer their own. A caller of another province
     * (staff scope or Association), or staff without their scope, who reviews nothing here gets 403 — as every other
     * cross-province read (conventions, Security) — not an empty list that reads as "no reviews yet". Whoever may
     * not see the idea at all got its 404 before (existence private).
     */
    @SuppressWarnings("unchecked")
    public List<ReviewView> reviews(UUID id) {
        Idea idea = find(id);
        requireVisible(idea);
        boolean staff = caller.mayRead(idea.province);
        if (!staff && outsider(idea.province) && !isReviewer(idea.id, caller.subject())) {
            throw Problems.forbidden("forbidden-province", idea.province);
        }
        List<Review> all = em.createQuery("SELECT r FROM Review r WHERE r.ideaId = :i ORDER BY r.id").setParameter("i", id).getResultList();
        return all.stream().filter(r -> staff || r.reviewer.equals(caller.subject())).map(ReviewView::of).toList();
    }

    /**
     * Does the caller belong to a province other than {@code province} (a staff scope or an Association), or hold a
     * provincial staff or integration role without a scope? An applicant belongs nowhere yet: not an outsider.
     */
    private boolean outsider(String province) {
        if (caller.isMemberOf(province)) {
            return false;
        }
        return caller.province().isPresent() || caller.memberProvince().isPresent()
                || caller.hasAnyRole(Roles.PROVINCIAL_STAFF) || caller.hasRole(Roles.INTEGRATION);
    }

    /** The secretariat merges a duplicate into its original: the duplicate stays, MERGED, read-only and linked. */
    @Transactional
    public IdeaView merge(UUID id, String ifMatch, MergeForm form) {
        if (id.equals(form.originalId())) {
            throw Problems.invalid("originalId", "merge.self");
        }
        Idea original = find(form.originalId());
        if (!privileged(original)) {
            throw Problems.invalid("originalId", "merge.original-unknown");
        }
        Idea dup = manage(id, ifMatch);
        if (original.status == IdeaStatus.MERGED) {
            throw Problems.ruleConflict(IdeaWorkflow.ARTICLE, "merge.original-merged", original.mergedInto);
        }
        IdeaStatus from = dup.status;
        IdeaWorkflow.requireTransition(from, IdeaStatus.MERGED);
        dup.mergedInto = original.id;
        changeStatus(dup, IdeaStatus.MERGED);
        outbox.record("idea.merged", dup.id.toString(), dup.province, new IdeabankEvents.Merged(dup.id, dup.province, original.id));
        history.record(HistoryEntry.of(AGGREGATE, dup.id, Actor.of(caller), "MERGED").withStatus(from, IdeaStatus.MERGED)
                .withReference(original.id.toString()).withReason(PersianText.canonical(form.reason())));
        history.record(HistoryEntry.of(AGGREGATE, original.id, Actor.of(caller), "DUPLICATE_MERGED_IN").withReference(dup.id.toString()));
        em.flush();
        return view(dup, Visibility.FULL);
    }

    public List<HistoryView> history(UUID id) {
        Idea idea = find(id);
        if (!privileged(idea)) {
            throw Problems.notFound("idea", id);
        }
        return history.of(id);
    }

    /** The weights in force (for clients building the review form). */
    public Map<String, Integer> criteria() {
        return new java.util.TreeMap<>(config.criteria());
    }

    static List<String> sorted(List<String> values) {
        return new ArrayList<>(new TreeSet<>(values));
    }
}
