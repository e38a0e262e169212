package ir.kanoon.ideabank.experience;

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

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Experiences of top entrepreneurs (Art. 3-8): written by the member (or by the province's secretariat for them),
 * reviewed and published by the province's secretariat (R13) — never by the one who wrote it (four eyes).
 * Published experiences are readable by everyone signed in; drafts by their author and the province's staff.
 */
@ApplicationScoped
public class ExperienceService {

    static final String AGGREGATE = "EXPERIENCE";

    public record ExperiencePublished(UUID experienceId, String province, UUID memberId) {
    }

    @Inject
    EntityManager em;
    @Inject
    Caller caller;
    @Inject
    Outbox outbox;
    @Inject
    History history;

    @Transactional
    public ExperienceView create(ExperienceForm form) {
        if (!Provinces.exists(form.province())) {
            throw Problems.invalid("province", "province.unknown");
        }
        // a member writes for their own Association; staff for their province's members
        boolean memberHere = caller.hasAnyRole(Roles.MEMBER, Roles.TRUSTEE) && caller.isMemberOf(form.province());
        if (!memberHere) {
            caller.requireWrite(form.province());
        }
        Experience e = new Experience();
        e.id = Uuids.v7();
        e.author = caller.subject();
        e.authorName = caller.displayName();
        e.status = ExperienceStatus.DRAFT;
        e.createdAt = Instant.now();
        apply(e, form);
        em.persist(e);
        history.record(HistoryEntry.of(AGGREGATE, e.id, Actor.of(caller), "CREATED").withStatus(null, e.status));
        em.flush();
        return view(e);
    }

    private void apply(Experience e, ExperienceForm form) {
        e.memberId = form.memberId();
        e.province = form.province();
        e.title = PersianText.canonical(form.title());
        e.story = PersianText.canonical(form.story());
        e.lessons = PersianText.canonical(form.lessons());
        e.sector = form.sector();
        e.tags = form.tags() == null ? new ArrayList<>() : new ArrayList<>(form.tags().stream().map(PersianText::canonical).distinct().toList());
        e.mediaLinks = form.mediaLinks() == null ? new ArrayList<>() : new ArrayList<>(form.mediaLinks());
        e.searchText = PersianText.fold(String.join(" ", e.title, e.story, e.lessons, String.join(" ", e.tags)));
        e.updatedAt = Instant.now();
    }

    private Experience find(UUID id) {
        Experience e = em.find(Experience.class, id);
        if (e == null || !mayRead(e)) {
            throw Problems.notFound("experience", id);
        }
        return e;
    }

    private boolean mayRead(Experience e) {
        return e.status == ExperienceStatus.PUBLISHED || caller.subject().equals(e.author) || caller.mayRead(e.province);
    }

    public ExperienceView get(UUID id) {
        return view(find(id));
    }

    private Experience forChange(UUID id, String ifMatch) {
        Experience e = find(id);
        em.lock(e, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(e);
        ETags.requireMatch(ifMatch, e.version);
        return e;
    }

    private void requireAuthor(Experience e) {
        if (!caller.subject().equals(e.author) || caller.isReadOnly()) {
            throw Problems.forbidden("experience.author-only");
        }
    }

    @Transactional
    public ExperienceView update(UUID id, String ifMatch, ExperienceForm form) {
        Experience e = forChange(id, ifMatch);
        requireAuthor(e);
        if (!e.status.editable()) {
            throw Problems.ruleConflict("Art. 3-8", "experience.not-editable", e.status);
        }
        if (!form.province().equals(e.province)) {
            throw Problems.invalid("province", "idea.province-fixed");
        }
        apply(e, form);
        history.record(HistoryEntry.of(AGGREGATE, e.id, Actor.of(caller), "EDITED"));
        em.flush();
        return view(e);
    }

    @Transactional
    public ExperienceView submit(UUID id, String ifMatch) {
        Experience e = forChange(id, ifMatch);
        requireAuthor(e);
        ExperienceStatus from = e.status;
        ExperienceStatus.requireTransition(from, ExperienceStatus.IN_REVIEW);
        e.status = ExperienceStatus.IN_REVIEW;
        e.updatedAt = Instant.now();
        history.record(HistoryEntry.of(AGGREGATE, e.id, Actor.of(caller), "SUBMITTED_FOR_REVIEW").withStatus(from, e.status));
        em.flush();
        return view(e);
    }

    /** R13: the province's secretariat reviews; never the author (four eyes). */
    @Transactional
    public ExperienceView review(UUID id, String ifMatch, ExperienceReview body) {
        Experience e = forChange(id, ifMatch);
        caller.requireWrite(e.province);
        if (caller.subject().equals(e.author)) {
            throw Problems.forbidden("experience.own");
        }
        if (body.decision() != ExperienceStatus.PUBLISHED && body.decision() != ExperienceStatus.RETURNED) {
            throw Problems.invalid("decision", "experience.decision");
        }
        ExperienceStatus from = e.status;
        ExperienceStatus.requireTransition(from, body.decision());
        e.status = body.decision();
        e.reviewedBy = caller.subject();
        e.reviewNote = PersianText.canonical(body.note());
        e.updatedAt = Instant.now();
        if (e.status == ExperienceStatus.PUBLISHED) {
            e.publishedAt = Instant.now();
            outbox.record("experience.published", e.id.toString(), e.province, new ExperiencePublished(e.id, e.province, e.memberId));
        }
        history.record(HistoryEntry.of(AGGREGATE, e.id, Actor.of(caller), body.decision().name())
                .withStatus(from, e.status).withReason(e.reviewNote));
        em.flush();
        return view(e);
    }

    @SuppressWarnings("unchecked")
    public Page<ExperienceView> list(String q, String sector, String province, ExperienceStatus status, PageRequest page) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder sql = new StringBuilder("SELECT e.* FROM experience e WHERE ");
        if (caller.isNational()) {
            sql.append("true");
        } else {
            params.put("me", caller.subject());
            sql.append("(e.status = 'PUBLISHED' OR e.author = :me");
            if (caller.province().isPresent() && caller.hasAnyRole(Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY, Roles.INTEGRATION)) {
                params.put("staff", caller.province().get());
                sql.append(" OR e.province = :staff");
            }
            sql.append(")");
        }
        int n = 0;
        for (String token : PersianText.searchTokens(q)) {
            if (n == 8) {
                throw Problems.invalid("q", "search.too-many-words", 8);
            }
            params.put("q" + n, "%" + token.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            sql.append(" AND e.search_text LIKE :q").append(n++);
        }
        if (sector != null && !sector.isBlank()) {
            params.put("sector", sector.strip());
            sql.append(" AND e.sector = :sector");
        }
        if (province != null && !province.isBlank()) {
            params.put("province", province.strip());
            sql.append(" AND e.province = :province");
        }
        if (status != null) {
            params.put("status", status.name());
            sql.append(" AND e.status = :status");
        }
        UUID after = page.afterId();
        if (after != null) {
            params.put("after", after);
            sql.append(" AND e.id < :after");
        }
        sql.append(" ORDER BY e.id DESC LIMIT ").append(page.limit() + 1);
        var query = em.createNativeQuery(sql.toString(), Experience.class);
        params.forEach(query::setParameter);
        List<Experience> rows = query.getResultList();
        return Page.of(rows, page.limit(), this::view, e -> Cursor.of(e.id));
    }

    public List<HistoryView> history(UUID id) {
        Experience e = find(id);
        if (!caller.subject().equals(e.author) && !caller.mayRead(e.province)) {
            throw Problems.notFound("experience", id);
        }
        return history.of(id);
    }

    ExperienceView view(Experience e) {
        return new ExperienceView(e.id, e.version, e.province, e.memberId, e.authorName, e.title, e.story, e.lessons,
                e.sector, e.tags, e.mediaLinks, e.status, e.reviewNote, e.publishedAt,
                e.publishedAt == null ? null : JalaliDate.format(e.publishedAt.atZone(ZoneId.of("Asia/Tehran")).toLocalDate()),
                e.createdAt);
    }
}
