package ir.kanoon.governance.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.kanoon.governance.events.GovernanceEvents;
import ir.kanoon.platform.history.Actor;
import ir.kanoon.platform.history.History;
import ir.kanoon.platform.history.HistoryEntry;
import ir.kanoon.platform.history.HistoryView;
import ir.kanoon.platform.ids.Uuids;
import ir.kanoon.platform.jalali.JalaliDate;
import ir.kanoon.platform.jalali.JalaliQuarter;
import ir.kanoon.platform.jalali.TehranClock;
import ir.kanoon.platform.outbox.Outbox;
import ir.kanoon.platform.persian.PersianText;
import ir.kanoon.platform.problem.Problems;
import ir.kanoon.platform.province.Provinces;
import ir.kanoon.platform.security.Caller;
import ir.kanoon.platform.security.ETags;
import ir.kanoon.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Quarterly reports per province and Jalali quarter (Art. 6 Note 4, R12). */
@ApplicationScoped
public class ReportService {

    static final String AGGREGATE = "REPORT";
    static final List<String> BODIES = List.of("BOARD_OF_TRUSTEES", "ASSOCIATION", "WORKING_GROUP");

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
    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "kanoon.governance.report-due-days", defaultValue = "15")
    int dueDays;

    @Transactional
    public ReportView get(String province, int year, String q) {
        JalaliQuarter quarter = ReportRules.quarter(year, q);
        requireReader(province);
        return view(find(province, quarter), province, quarter);
    }

    @Transactional
    public ReportView writeNarrative(String province, int year, String q, String ifMatch, NarrativeForm form) {
        JalaliQuarter quarter = ReportRules.quarter(year, q);
        QuarterlyReport r = forChange(province, quarter, ifMatch);
        ReportRules.requireEditable(r.status);
        r.narrative = PersianText.canonical(form.narrative());
        r.updatedAt = Instant.now();
        history.record(HistoryEntry.of(AGGREGATE, r.id, Actor.of(caller), "NARRATIVE_WRITTEN"));
        em.flush();
        return view(r, province, quarter);
    }

    /** The labour DG submits: the figures are frozen as submitted. */
    @Transactional
    public ReportView submit(String province, int year, String q, String ifMatch) {
        JalaliQuarter quarter = ReportRules.quarter(year, q);
        QuarterlyReport r = forChange(province, quarter, ifMatch);
        ReportStatus from = r.status;
        r.status = ReportRules.submit(r.status, quarter, clock.today());
        r.figures = write(figures(province, quarter));
        r.submittedBy = caller.subject();
        r.submittedAt = Instant.now();
        r.updatedAt = r.submittedAt;
        history.record(HistoryEntry.of(AGGREGATE, r.id, Actor.of(caller), "SUBMITTED").withStatus(from, r.status));
        outbox.record(GovernanceEvents.REPORT_SUBMITTED, r.id.toString(), province,
                new GovernanceEvents.ReportSubmitted(r.id, province, quarter.year(), quarter.quarter()));
        em.flush();
        return view(r, province, quarter);
    }

    /** The ministry accepts or returns with comments. */
    @Transactional
    public ReportView review(String province, int year, String q, String ifMatch, ReviewForm form) {
        JalaliQuarter quarter = ReportRules.quarter(year, q);
        if (!Provinces.exists(province)) {
            throw Problems.notFound("province", province);
        }
        caller.requireWrite(province);
        QuarterlyReport r = find(province, quarter);
        if (r == null) {
            throw Problems.notFound("report", province + "/" + quarter);
        }
        ETags.requireMatch(ifMatch, r.version);
        ReportStatus from = r.status;
        r.status = ReportRules.review(r.status, form.decision());
        r.reviewedBy = caller.subject();
        r.reviewedAt = Instant.now();
        r.comments = form.comments() == null ? null : PersianText.canonical(form.comments());
        r.updatedAt = r.reviewedAt;
        history.record(HistoryEntry.of(AGGREGATE, r.id, Actor.of(caller), "REVIEWED").withStatus(from, r.status)
                .withReason(r.comments));
        outbox.record(GovernanceEvents.REPORT_REVIEWED, r.id.toString(), province,
                new GovernanceEvents.ReportReviewed(r.id, province, quarter.year(), quarter.quarter(), r.status.name()));
        em.flush();
        return view(r, province, quarter);
    }

    public List<HistoryView> history(String province, int year, String q) {
        JalaliQuarter quarter = ReportRules.quarter(year, q);
        requireReader(province);
        QuarterlyReport r = find(province, quarter);
        return r == null ? List.of() : history.of(r.id);
    }

    /** For compliance: the report of the last ended quarter — submitted on time, late, or missing. */
    public QuarterlyReport find(String province, JalaliQuarter q) {
        return em.createQuery("FROM QuarterlyReport r WHERE r.province = :p AND r.jalaliYear = :y AND r.quarter = :q",
                        QuarterlyReport.class)
                .setParameter("p", province).setParameter("y", q.year()).setParameter("q", q.quarter())
                .getResultStream().findFirst().orElse(null);
    }

    public LocalDate dueDate(JalaliQuarter q) {
        return ReportRules.dueDate(q, dueDays);
    }

    private QuarterlyReport forChange(String province, JalaliQuarter quarter, String ifMatch) {
        if (!Provinces.exists(province)) {
            throw Problems.notFound("province", province);
        }
        caller.requireWrite(province);
        QuarterlyReport r = find(province, quarter);
        if (r == null) {
            // The draft exists from the first write; its version 0 is what a GET showed as ETag "0".
            em.createNativeQuery("INSERT INTO quarterly_report (id, province, jalali_year, quarter, status, updated_at) "
                            + "VALUES (?1, ?2, ?3, ?4, 'DRAFT', now()) ON CONFLICT DO NOTHING")
                    .setParameter(1, Uuids.v7()).setParameter(2, province).setParameter(3, quarter.year())
                    .setParameter(4, quarter.quarter()).executeUpdate();
            r = find(province, quarter);
        }
        ETags.requireMatch(ifMatch, r.version);
        return r;
    }

    private void requireReader(String province) {
        if (!Provinces.exists(province)) {
            throw Problems.notFound("province", province);
        }
        if (!caller.mayRead(province) && !(caller.hasRole(Roles.TRUSTEE) && caller.isMemberOf(province))) {
            throw Problems.forbidden("forbidden-province", province);
        }
    }

    /** The draft's numbers from the projections, for the quarter's Tehran days. */
    public ReportFigures figures(String province, JalaliQuarter q) {
        LocalDate from = q.start();
        LocalDate to = q.end();
        Map<String, Long> admitted = grouped("SELECT category, count(*) FROM member_fact WHERE province = ?1 "
                + "AND admitted_on BETWEEN ?2 AND ?3 GROUP BY category", province, from, to);
        // Active at the quarter's end as far as the latest event says (status ACTIVE, admitted by then).
        Map<String, Long> active = grouped("SELECT category, count(*) FROM member_fact WHERE province = ?1 "
                + "AND status = 'ACTIVE' AND (admitted_on IS NULL OR admitted_on <= ?3) AND CAST(?2 AS date) IS NOT NULL GROUP BY category",
                province, from, to);
        List<ReportFigures.MeetingFigures> meetings = new ArrayList<>();
        for (String body : BODIES) {
            Object[] row = (Object[]) em.createNativeQuery("SELECT count(*), coalesce(sum(present),0), coalesce(sum(absent),0), "
                            + "coalesce(sum(excused),0), coalesce(sum(guests),0), count(*) FILTER (WHERE quorum_met), "
                            + "coalesce(sum(resolutions),0) FROM meeting_fact WHERE province = ?1 AND body = ?2 "
                            + "AND held_on BETWEEN ?3 AND ?4")
                    .setParameter(1, province).setParameter(2, body).setParameter(3, from).setParameter(4, to)
                    .getSingleResult();
            meetings.add(new ReportFigures.MeetingFigures(body, n(row[0]), n(row[1]), n(row[2]), n(row[3]), n(row[4]),
                    n(row[5]), n(row[6])));
        }
        long formed = single("SELECT count(*) FROM working_group_fact WHERE province = ?1 AND formed_on BETWEEN ?2 AND ?3",
                province, from, to);
        long dissolved = single("SELECT count(*) FROM working_group_fact WHERE province = ?1 AND dissolved_on BETWEEN ?2 AND ?3",
                province, from, to);
        long activeGroups = single("SELECT count(*) FROM working_group_fact WHERE province = ?1 AND (formed_on IS NULL "
                + "OR formed_on <= ?3) AND (dissolved_on IS NULL OR dissolved_on > ?3) AND CAST(?2 AS date) IS NOT NULL", province, from, to);
        Map<String, Long> activities = grouped("SELECT kind, sum(amount) FROM activity_fact WHERE province = ?1 "
                + "AND day BETWEEN ?2 AND ?3 GROUP BY kind", province, from, to);
        Map<String, long[]> sums = new TreeMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> programmes = em.createNativeQuery("SELECT clauses, progress FROM programme WHERE province = ?1 "
                        + "AND status <> 'CANCELLED' AND planned_start <= ?3 AND planned_end >= ?2")
                .setParameter(1, province).setParameter(2, from).setParameter(3, to).getResultList();
        for (Object[] p : programmes) {
            for (String clause : ((String) p[0]).split(",")) {
                long[] acc = sums.computeIfAbsent(clause, k -> new long[2]);
                acc[0] += n(p[1]);
                acc[1]++;
            }
        }
        Map<String, Long> progress = new TreeMap<>();
        sums.forEach((clause, acc) -> progress.put(clause, Math.round((double) acc[0] / acc[1])));
        return new ReportFigures(admitted, active, meetings, formed, dissolved, activeGroups, activities, progress);
    }

    private Map<String, Long> grouped(String sql, String province, LocalDate from, LocalDate to) {
        Map<String, Long> out = new TreeMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).setParameter(1, province).setParameter(2, from)
                .setParameter(3, to).getResultList();
        for (Object[] r : rows) {
            out.put((String) r[0], n(r[1]));
        }
        return out;
    }

    private long single(String sql, String province, LocalDate from, LocalDate to) {
        return n(em.createNativeQuery(sql).setParameter(1, province).setParameter(2, from).setParameter(3, to)
                .getSingleResult());
    }

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    ReportView view(QuarterlyReport r, String province, JalaliQuarter q) {
        LocalDate due = dueDate(q);
        ReportStatus status = r == null ? ReportStatus.DRAFT : r.status;
        boolean frozen = r != null && r.figures != null && status != ReportStatus.RETURNED && status != ReportStatus.DRAFT;
        ReportFigures figures = frozen ? read(r.figures) : figures(province, q);
        boolean late = r != null && r.submittedAt != null
                ? r.submittedAt.atZone(ir.kanoon.platform.jalali.TehranTime.ZONE).toLocalDate().isAfter(due)
                : clock.today().isAfter(due);
        return new ReportView(r == null ? null : r.id.toString(), province, q.year(), q.quarter(), q.start(),
                JalaliDate.format(q.start()), q.end(), JalaliDate.format(q.end()), due, JalaliDate.format(due), status,
                r == null ? null : r.narrative, figures, r == null ? null : r.comments, late, r == null ? 0 : r.version);
    }

    private String write(ReportFigures f) {
        try {
            return json.writeValueAsString(f);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ReportFigures read(String s) {
        try {
            return json.readValue(s, ReportFigures.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
