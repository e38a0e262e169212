package ir.kanoon.networking.advice;

import ir.kanoon.networking.directory.DirectoryEntry;
import ir.kanoon.networking.events.NetworkingEvents;
import ir.kanoon.networking.support.Access;
import ir.kanoon.platform.history.Actor;
import ir.kanoon.platform.history.History;
import ir.kanoon.platform.history.HistoryEntry;
import ir.kanoon.platform.history.HistoryView;
import ir.kanoon.platform.ids.Uuids;
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
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Voice of the Advisor (Art. 3-11). Matching runs under one transaction-scoped advisory lock, so two questions
 * matched at once cannot both take an advisor's last free slot of the week.
 */
@ApplicationScoped
public class AdviceService {

    static final String ADVISOR = "ADVISOR";
    static final String REQUEST = "ADVICE_REQUEST";

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Access access;

    @Inject
    Outbox outbox;

    @Inject
    History history;

    @ConfigProperty(name = "kanoon.networking.advice.sla", defaultValue = "72h")
    Duration sla;

    // --- advisors

    @Transactional
    public AdvisorView optIn(AdvisorForm form) {
        DirectoryEntry me = access.requireActiveMember();
        Advisor a = new Advisor();
        a.id = Uuids.v7();
        a.memberId = me.memberId;
        a.userId = caller.subject();
        a.province = me.province;
        a.displayName = me.displayName;
        apply(a, form);
        em.persist(a);
        em.flush();
        history.record(HistoryEntry.of(ADVISOR, a.id, Actor.of(caller), "OPTED_IN"));
        return view(a);
    }

    @Transactional
    public AdvisorView update(UUID id, String ifMatch, AdvisorForm form) {
        Advisor a = em.find(Advisor.class, id);
        if (a == null) {
            throw Problems.notFound("advisor", id);
        }
        if (!a.userId.equals(caller.subject())) {
            throw Problems.forbidden("advisor.not-yours");
        }
        ETags.requireMatch(ifMatch, a.version);
        apply(a, form);
        em.flush();
        history.record(HistoryEntry.of(ADVISOR, a.id, Actor.of(caller), a.active ? "UPDATED" : "PAUSED"));
        return view(a);
    }

    private static void apply(Advisor a, AdvisorForm form) {
        a.expertise = form.expertise().stream().map(PersianText::canonical).distinct().toArray(String[]::new);
        a.weeklyCapacity = form.weeklyCapacity();
        a.channels = form.channels().stream().distinct().map(Enum::name).toArray(String[]::new);
        a.active = form.active() == null || form.active();
    }

    @Transactional
    public AdvisorView advisor(UUID id) {
        Advisor a = em.find(Advisor.class, id);
        if (a == null) {
            throw Problems.notFound("advisor", id);
        }
        return view(a);
    }

    @Transactional
    public Page<AdvisorView> advisors(String province, String expertise, PageRequest page) {
        StringBuilder sql = new StringBuilder("SELECT a.* FROM advisor a WHERE a.active AND EXISTS (SELECT 1 FROM "
                + "directory_entry d WHERE d.member_id = a.member_id AND d.status = 'ACTIVE')");
        Map<String, Object> params = new HashMap<>();
        if (province != null && !province.isBlank()) {
            sql.append(" AND a.province = :p");
            params.put("p", province.toUpperCase());
        }
        UUID after = page.afterId();
        if (after != null) {
            sql.append(" AND a.id > :after");
            params.put("after", after);
        }
        sql.append(" ORDER BY a.id");
        var q = em.createNativeQuery(sql.toString(), Advisor.class);
        params.forEach(q::setParameter);
        @SuppressWarnings("unchecked")
        List<Advisor> all = q.getResultList();
        List<Advisor> rows = all;
        if (expertise != null && !expertise.isBlank()) {
            String f = PersianText.fold(expertise);
            rows = all.stream().filter(a -> List.of(a.expertise).stream().anyMatch(e -> PersianText.fold(e).contains(f)))
                    .toList();
        }
        rows = rows.size() > page.limit() + 1 ? rows.subList(0, page.limit() + 1) : rows;
        return Page.of(rows, page.limit(), this::view, a -> Cursor.of(a.id));
    }

    // --- questions

    @Transactional
    public AdviceView ask(QuestionForm form) {
        String province = form.province().toUpperCase();
        if (!Provinces.exists(province)) {
            throw Problems.invalid("province", "province.unknown");
        }
        if (caller.isReadOnly()) {
            caller.requireWrite(province);
        }
        AdviceRequest r = new AdviceRequest();
        r.id = Uuids.v7();
        r.askerUserId = caller.subject();
        r.province = province;
        r.topic = PersianText.canonical(form.topic());
        r.question = PersianText.canonical(form.question());
        r.expertise = form.expertise().stream().map(PersianText::canonical).distinct().toArray(String[]::new);
        r.channel = form.channel();
        r.status = AdviceRequest.Status.NEW;
        r.createdAt = Instant.now();
        em.persist(r);
        history.record(HistoryEntry.of(REQUEST, r.id, Actor.of(caller), "ASKED").withStatus(null, r.status));
        assign(r, Set.of(), Actor.system());
        em.flush();
        outbox.record(NetworkingEvents.ADVICE_REQUESTED, r.id.toString(), r.province,
                new NetworkingEvents.AdviceRequested(r.id.toString(), r.province));
        return view(r);
    }

    /** Finds an advisor (or leaves the question NEW when nobody qualifies) and records why. */
    private void assign(AdviceRequest r, Set<UUID> excluded, Actor actor) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('advice-matching'))").getSingleResult();
        List<AdvisorMatcher.Candidate> candidates = new ArrayList<>();
        Map<UUID, Integer> loads = loads();
        // only advisors whose membership is ACTIVE in the directory projection: a suspended member advises nobody
        for (Advisor a : em.createQuery("from Advisor a where a.active = true and exists (select 1 from DirectoryEntry d "
                + "where d.memberId = a.memberId and d.status = 'ACTIVE')", Advisor.class).getResultList()) {
            Set<Advisor.Channel> channels = EnumSet.noneOf(Advisor.Channel.class);
            for (String c : a.channels) {
                channels.add(Advisor.Channel.valueOf(c));
            }
            candidates.add(new AdvisorMatcher.Candidate(a.id, a.userId, a.province, List.of(a.expertise), channels,
                    a.weeklyCapacity, loads.getOrDefault(a.id, 0), a.active));
        }
        Optional<AdvisorMatcher.Match> match = AdvisorMatcher.match(new AdvisorMatcher.Question(r.askerUserId,
                r.province, List.of(r.expertise), r.channel), candidates, excluded);
        AdviceRequest.Status from = r.status;
        if (match.isPresent()) {
            Instant now = Instant.now();
            r.advisorId = match.get().advisorId();
            r.matchReason = match.get().reason();
            r.status = AdviceRequest.Status.ASSIGNED;
            r.assignedAt = now;
            r.dueAt = AdviceRules.due(now, sla);
        } else {
            r.advisorId = null;
            r.matchReason = "no active advisor with this expertise and channel has capacity left this week";
            r.status = AdviceRequest.Status.NEW;
            r.assignedAt = null;
            r.dueAt = null;
        }
        em.flush();
        history.record(HistoryEntry.of(REQUEST, r.id, actor, match.isPresent() ? "ASSIGNED" : "UNMATCHED")
                .withStatus(from, r.status).withReason(r.matchReason));
    }

    /** Questions assigned to each advisor in the last 7 days (their current load against weekly capacity). */
    private Map<UUID, Integer> loads() {
        Map<UUID, Integer> out = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT advisor_id, count(*) FROM advice_request "
                + "WHERE advisor_id IS NOT NULL AND assigned_at > now() - interval '7 days' GROUP BY advisor_id")
                .getResultList();
        for (Object[] row : rows) {
            out.put((UUID) row[0], ((Number) row[1]).intValue());
        }
        return out;
    }

    @Transactional
    public AdviceView answer(UUID id, String ifMatch, AnswerForm form) {
        AdviceRequest r = visible(id);
        Advisor a = r.advisorId == null ? null : em.find(Advisor.class, r.advisorId);
        if (a == null || !a.userId.equals(caller.subject())) {
            throw Problems.forbidden("advice.not-your-question");
        }
        ETags.requireMatch(ifMatch, r.version);
        AdviceRequest.Status from = r.status;
        r.status = AdviceRules.next(r.status, "answer");
        r.answer = PersianText.canonical(form.answer());
        r.answeredAt = Instant.now();
        em.flush();
        boolean within = AdviceRules.withinSla(r.answeredAt, r.dueAt);
        history.record(HistoryEntry.of(REQUEST, r.id, Actor.of(caller), "ANSWERED").withStatus(from, r.status)
                .withReason(within ? "within SLA" : "after the SLA"));
        outbox.record(NetworkingEvents.ADVICE_ANSWERED, r.id.toString(), r.province,
                new NetworkingEvents.AdviceAnswered(r.id.toString(), r.province, within));
        return view(r);
    }

    /** The province's staff move a question to another advisor (or match a NEW one again). */
    @Transactional
    public AdviceView reassign(UUID id, String ifMatch, String reason) {
        AdviceRequest r = em.find(AdviceRequest.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (r == null || !caller.mayRead(r.province)) {
            throw Problems.notFound("advice request", id);
        }
        caller.requireWrite(r.province);
        ETags.requireMatch(ifMatch, r.version);
        AdviceRules.next(r.status, "reassign");
        Set<UUID> excluded = new HashSet<>();
        if (r.advisorId != null) {
            excluded.add(r.advisorId);
        }
        history.record(HistoryEntry.of(REQUEST, r.id, Actor.of(caller), "REASSIGN_REQUESTED")
                .withReason(PersianText.canonical(reason)));
        assign(r, excluded, Actor.of(caller));
        return view(r);
    }

    @Transactional
    public AdviceView close(UUID id, String ifMatch, CloseForm form) {
        AdviceRequest r = visible(id);
        if (!r.askerUserId.equals(caller.subject())) {
            throw Problems.forbidden("advice.not-your-question");
        }
        ETags.requireMatch(ifMatch, r.version);
        AdviceRequest.Status from = r.status;
        r.status = AdviceRules.next(r.status, "close");
        r.rating = form.rating();
        em.flush();
        history.record(HistoryEntry.of(REQUEST, r.id, Actor.of(caller), "CLOSED").withStatus(from, r.status)
                .withReason("rating " + r.rating));
        return view(r);
    }

    @Transactional
    public AdviceView get(UUID id) {
        return view(visible(id));
    }

    @Transactional
    public List<HistoryView> history(UUID id) {
        visible(id);
        return history.of(id);
    }

    /**
     * Staff see their province, ministry all (or ?province=); everyone else the questions they asked or advise on.
     * {@code overdue=true}: assigned, unanswered, past due.
     */
    @Transactional
    public Page<AdviceView> list(String province, AdviceRequest.Status status, Boolean overdue, PageRequest page) {
        boolean staffView = caller.isNational() || caller.hasAnyRole(Roles.PROVINCIAL_STAFF);
        StringBuilder jpql = new StringBuilder("from AdviceRequest r where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (staffView) {
            caller.provinceScope(province).ifPresent(p -> {
                jpql.append(" and r.province = :p");
                params.put("p", p.toUpperCase());
            });
        } else {
            jpql.append(" and (r.askerUserId = :u or r.advisorId in (select a.id from Advisor a where a.userId = :u))");
            params.put("u", caller.subject());
        }
        if (status != null) {
            jpql.append(" and r.status = :s");
            params.put("s", status);
        }
        if (Boolean.TRUE.equals(overdue)) {
            jpql.append(" and r.status = :assigned and r.dueAt < :now");
            params.put("assigned", AdviceRequest.Status.ASSIGNED);
            params.put("now", Instant.now());
        }
        UUID after = page.afterId();
        if (after != null) {
            jpql.append(" and r.id > :after");
            params.put("after", after);
        }
        jpql.append(" order by r.id");
        TypedQuery<AdviceRequest> q = em.createQuery(jpql.toString(), AdviceRequest.class);
        params.forEach(q::setParameter);
        return Page.of(q.setMaxResults(page.limit() + 1).getResultList(), page.limit(), this::view,
                r -> Cursor.of(r.id));
    }

    /** The asker, the assigned advisor, the province's staff and ministry roles; others 404. */
    private AdviceRequest visible(UUID id) {
        AdviceRequest r = em.find(AdviceRequest.class, id);
        if (r == null) {
            throw Problems.notFound("advice request", id);
        }
        boolean asker = r.askerUserId.equals(caller.subject());
        boolean advisor = r.advisorId != null && Optional.ofNullable(em.find(Advisor.class, r.advisorId))
                .map(a -> a.userId.equals(caller.subject())).orElse(false);
        if (!asker && !advisor && !caller.mayRead(r.province)) {
            throw Problems.notFound("advice request", id);
        }
        return r;
    }

    AdvisorView view(Advisor a) {
        int load = loads().getOrDefault(a.id, 0);
        return new AdvisorView(a.id, a.memberId, a.province, a.displayName, List.of(a.expertise), a.weeklyCapacity,
                load, List.of(a.channels).stream().map(Advisor.Channel::valueOf).toList(), a.active, a.version);
    }

    AdviceView view(AdviceRequest r) {
        Advisor a = r.advisorId == null ? null : em.find(Advisor.class, r.advisorId);
        return new AdviceView(r.id, r.province, r.topic, r.question, List.of(r.expertise), r.channel, r.status,
                r.advisorId, a == null ? null : a.displayName, r.matchReason, r.createdAt, r.assignedAt, r.dueAt,
                AdviceRules.overdue(r.status, r.dueAt, Instant.now()), r.answeredAt,
                r.answeredAt == null ? null : AdviceRules.withinSla(r.answeredAt, r.dueAt), r.answer, r.rating,
                r.version);
    }
}
