package ir.kanoon.governance.programme;

import ir.kanoon.governance.events.GovernanceEvents;
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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The Association's activity plan (Art. 3). */
@ApplicationScoped
public class ProgrammeService {

    static final String AGGREGATE = "PROGRAMME";

    @Inject
    EntityManager em;
    @Inject
    Caller caller;
    @Inject
    History history;
    @Inject
    Outbox outbox;

    @Transactional
    public ProgrammeView create(String province, ProgrammeForm form) {
        if (province == null || !Provinces.exists(province)) {
            throw Problems.invalid("province", "province.unknown");
        }
        caller.requireWrite(province);
        Programme p = new Programme();
        p.id = Uuids.v7();
        p.province = province;
        apply(p, form);
        em.persist(p);
        history.record(HistoryEntry.of(AGGREGATE, p.id, Actor.of(caller), "CREATED").withStatus(null, p.status));
        publish(p);
        em.flush();
        return view(p);
    }

    @Transactional
    public ProgrammeView replace(UUID id, String ifMatch, ProgrammeForm form) {
        Programme p = find(id);
        caller.requireWrite(p.province);
        ETags.requireMatch(ifMatch, p.version);
        ProgrammeStatus from = p.status;
        apply(p, form);
        history.record(HistoryEntry.of(AGGREGATE, p.id, Actor.of(caller), "UPDATED").withStatus(from, p.status)
                .withReason("progress " + p.progress + "%"));
        publish(p);
        em.flush();
        return view(p);
    }

    public ProgrammeView get(UUID id) {
        return view(find(id));
    }

    public List<HistoryView> history(UUID id) {
        find(id);
        return history.of(id);
    }

    public Page<ProgrammeView> list(String province, String clause, PageRequest page) {
        String scope = province != null && caller.isMemberOf(province) ? province : caller.provinceScope(province).orElse(null);
        String c = clause == null ? null : ProgrammeRules.clauses(List.of(clause)).get(0);
        UUID after = page.afterId();
        var q = em.createQuery("FROM Programme p WHERE 1 = 1"
                + (scope == null ? "" : " AND p.province = :p")
                + (c == null ? "" : " AND concat(',', p.clauses, ',') LIKE :c")
                + (after == null ? "" : " AND p.id > :after") + " ORDER BY p.id", Programme.class)
                .setMaxResults(page.limit() + 1);
        if (scope != null) {
            q.setParameter("p", scope);
        }
        if (c != null) {
            q.setParameter("c", "%," + c + ",%");
        }
        if (after != null) {
            q.setParameter("after", after);
        }
        return Page.of(q.getResultList(), page.limit(), this::view, p -> Cursor.of(p.id));
    }

    /** Programmes of a province (for the quarterly report). */
    public List<Programme> of(String province) {
        return em.createQuery("FROM Programme p WHERE p.province = :p AND p.status <> :c", Programme.class)
                .setParameter("p", province).setParameter("c", ProgrammeStatus.CANCELLED).getResultList();
    }

    private Programme find(UUID id) {
        Programme p = em.find(Programme.class, id);
        if (p == null || !(caller.mayRead(p.province) || caller.isMemberOf(p.province))) {
            throw Problems.notFound("programme", id);
        }
        return p;
    }

    private void apply(Programme p, ProgrammeForm f) {
        ProgrammeRules.check(f);
        p.title = PersianText.canonical(f.title());
        p.clauses = String.join(",", ProgrammeRules.clauses(f.clauses()));
        p.owner = PersianText.canonical(f.owner());
        p.workingGroupId = f.workingGroupId();
        p.plannedStart = f.plannedStart();
        p.plannedEnd = f.plannedEnd();
        p.actualStart = f.actualStart();
        p.actualEnd = f.actualEnd();
        p.status = f.status() == null ? ProgrammeStatus.PLANNED : f.status();
        p.progress = f.progress() == null ? 0 : f.progress();
        p.outputs = f.outputs() == null ? null : PersianText.canonical(f.outputs());
        p.updatedAt = Instant.now();
    }

    private void publish(Programme p) {
        outbox.record(GovernanceEvents.PROGRAMME_UPDATED, p.id.toString(), p.province,
                new GovernanceEvents.ProgrammeUpdated(p.id, p.province, clauses(p), p.status.name(), p.progress));
    }

    static List<String> clauses(Programme p) {
        return Arrays.asList(p.clauses.split(","));
    }

    ProgrammeView view(Programme p) {
        return new ProgrammeView(p.id, p.province, p.title, clauses(p), p.owner, p.workingGroupId, p.plannedStart,
                JalaliDate.format(p.plannedStart), p.plannedEnd, JalaliDate.format(p.plannedEnd), p.actualStart,
                p.actualEnd, p.status, p.progress, p.outputs, p.version);
    }
}
