package ir.kanoon.governance.compliance;

import ir.kanoon.governance.board.Seat;
import ir.kanoon.governance.events.GovernanceEvents;
import ir.kanoon.governance.report.ReportStatus;
import ir.kanoon.platform.jalali.JalaliDate;
import ir.kanoon.platform.jalali.JalaliQuarter;
import ir.kanoon.platform.jalali.TehranTime;
import ir.kanoon.platform.jalali.TehranClock;
import ir.kanoon.platform.outbox.Outbox;
import ir.kanoon.platform.province.Province;
import ir.kanoon.platform.province.Provinces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Gathers a province's facts (own data and projections of workgroup events) and applies {@link ComplianceRules}. */
@ApplicationScoped
public class ComplianceService {

    @Inject
    EntityManager em;
    @Inject
    TehranClock clock;
    @Inject
    Outbox outbox;
    @Inject
    ir.kanoon.governance.report.ReportService reports;

    @ConfigProperty(name = "kanoon.governance.term-alert-days", defaultValue = "45")
    int termAlertDays;

    @Transactional
    public ProvinceCompliance evaluate(String province) {
        return evaluateAll(List.of(province)).get(0);
    }

    /** All 31 provinces (ministry view), in one transaction. */
    @Transactional
    public List<ProvinceCompliance> national() {
        return evaluateAll(Provinces.all().stream().map(Province::code).toList());
    }

    /**
     * The facts of the given provinces are read with one set-based query per kind of fact (five statements whatever the
     * number of provinces), then each province's checks are applied. Why: the national view used to evaluate each
     * province in its own transaction with six JPQL queries, one of them with a list parameter that Hibernate
     * re-translates on every execution — 31 transactions and 186 statements per request, 360 ms of CPU per call
     * (bench/run reports, figure 5: goal < 200 ms). Native SQL also skips loading Appointment entities that the
     * rules never change (no dirty checking at the auto-flush before each following query).
     */
    List<ProvinceCompliance> evaluateAll(List<String> provinces) {
        LocalDate today = clock.today();
        String codes = String.join(",", provinces);
        Map<String, Facts> facts = new LinkedHashMap<>();
        provinces.forEach(p -> facts.put(p, new Facts()));
        for (Object[] r : rows("SELECT province, seat, status, term_end, id FROM appointment "
                + "WHERE province = ANY(string_to_array(?1, ',')) AND status IN ('ACTIVE', 'INTRODUCED')", codes)) {
            Facts f = facts.get((String) r[0]);
            if ("INTRODUCED".equals(r[2])) {
                f.awaitingDecree++;
                continue;
            }
            Seat seat = Seat.valueOf((String) r[1]);
            f.held.merge(seat, 1, Integer::sum);
            LocalDate termEnd = date(r[3]);
            if (termEnd != null && !termEnd.isAfter(today.plusDays(termAlertDays))) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("appointmentId", r[4] instanceof UUID u ? u : UUID.fromString(r[4].toString()));
                e.put("seat", seat.name());
                e.put("termEnd", termEnd);
                e.put("termEndJalali", JalaliDate.format(termEnd));
                f.ending.add(e);
            }
        }
        for (Object[] r : rows("SELECT province, office FROM officer WHERE province = ANY(string_to_array(?1, ',')) "
                + "AND status = 'ACTIVE'", codes)) {
            facts.get((String) r[0]).offices.add((String) r[1]);
        }
        // the newest meeting on or before today per province and body: one backward probe of meeting_fact_province each
        for (Object[] r : rows("SELECT p.code, b.body, (SELECT max(m.held_on) FROM meeting_fact m WHERE m.province = p.code "
                + "AND m.body = b.body AND m.held_on <= ?2) FROM unnest(string_to_array(?1, ',')) AS p(code) "
                + "CROSS JOIN (VALUES ('BOARD_OF_TRUSTEES'), ('ASSOCIATION')) AS b(body)", codes, today)) {
            Facts f = facts.get((String) r[0]);
            if ("BOARD_OF_TRUSTEES".equals(r[1])) {
                f.lastBoardMeeting = date(r[2]);
            } else {
                f.lastAssociationMeeting = date(r[2]);
            }
        }
        for (Object[] r : rows("SELECT DISTINCT province, type FROM working_group_fact "
                + "WHERE province = ANY(string_to_array(?1, ',')) AND dissolved_on IS NULL", codes)) {
            facts.get((String) r[0]).groupTypes.add((String) r[1]);
        }
        JalaliQuarter last = JalaliQuarter.of(today).previous();
        for (Object[] r : rows("SELECT province, status, extract(epoch FROM submitted_at) FROM quarterly_report "
                + "WHERE province = ANY(string_to_array(?1, ',')) AND jalali_year = ?2 AND quarter = ?3", codes,
                last.year(), last.quarter())) {
            Facts f = facts.get((String) r[0]);
            f.reportStatus = (String) r[1];
            f.reportSubmittedOn = r[2] == null ? null : Instant.ofEpochMilli(Math.round(((Number) r[2]).doubleValue() * 1000))
                    .atZone(TehranTime.ZONE).toLocalDate();
        }
        List<ProvinceCompliance> out = new ArrayList<>(provinces.size());
        facts.forEach((province, f) -> out.add(evaluate(province, today, last, f)));
        return out;
    }

    private ProvinceCompliance evaluate(String province, LocalDate today, JalaliQuarter last, Facts f) {
        Map<String, Integer> vacancies = new LinkedHashMap<>();
        int active = 0;
        for (Seat s : Seat.values()) {
            int n = Math.min(f.held.getOrDefault(s, 0), s.count);
            active += n;
            if (n < s.count) {
                vacancies.put(s.name(), s.count - n);
            }
        }
        List<CheckResult> checks = List.of(
                ComplianceRules.boardSeats(Seat.totalSeats(), vacancies),
                ComplianceRules.decrees(active, f.awaitingDecree),
                ComplianceRules.officers(f.offices),
                ComplianceRules.boardMeeting(today, f.lastBoardMeeting),
                ComplianceRules.associationMeeting(today, f.lastAssociationMeeting),
                ComplianceRules.workingGroups(f.groupTypes),
                ComplianceRules.termsEnding(f.ending),
                ComplianceRules.quarterlyReport(today, last.toString(), reports.dueDate(last), f.reportSubmittedOn,
                        f.reportStatus == null || ReportStatus.DRAFT.name().equals(f.reportStatus) ? null : f.reportStatus));
        CheckStatus worst = checks.stream().map(CheckResult::status).max(Comparator.naturalOrder()).orElse(CheckStatus.OK);
        return new ProvinceCompliance(province, Provinces.byCode(province).map(Province::nameFa).orElse(province), today,
                JalaliDate.format(today), worst, checks);
    }

    /** One province's facts as read by {@link #evaluateAll}. */
    private static final class Facts {
        final Map<Seat, Integer> held = new EnumMap<>(Seat.class);
        int awaitingDecree;
        final List<Map<String, Object>> ending = new ArrayList<>();
        final Set<String> offices = new HashSet<>();
        LocalDate lastBoardMeeting;
        LocalDate lastAssociationMeeting;
        final Set<String> groupTypes = new HashSet<>();
        String reportStatus;
        LocalDate reportSubmittedOn;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object... params) {
        var q = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        return q.getResultList();
    }

    private static LocalDate date(Object o) {
        return o == null ? null : o instanceof LocalDate d ? d : ((java.sql.Date) o).toLocalDate();
    }

    /**
     * Re-evaluates a province and publishes {@code compliance.changed} for every check whose status differs from the
     * last recorded one. A province never evaluated before counts as OK, so its first evaluation publishes only the
     * checks that are not OK.
     */
    @Transactional
    public int reevaluate(String province) {
        ProvinceCompliance now = evaluate(province);
        int changed = 0;
        for (CheckResult c : now.checks()) {
            // Lock the stored state row so two evaluations never both publish the same change.
            List<?> rows = em.createNativeQuery("SELECT status FROM compliance_state WHERE province = ?1 AND check_code = ?2 FOR UPDATE")
                    .setParameter(1, province).setParameter(2, c.check()).getResultList();
            String before = rows.isEmpty() ? null : (String) rows.get(0);
            String after = c.status().name();
            if (after.equals(before) || (before == null && c.status() == CheckStatus.OK)) {
                if (before == null) {
                    insertState(province, c.check(), after);
                }
                continue;
            }
            if (before == null) {
                insertState(province, c.check(), after);
            } else {
                em.createNativeQuery("UPDATE compliance_state SET status = ?3, changed_at = now() WHERE province = ?1 AND check_code = ?2")
                        .setParameter(1, province).setParameter(2, c.check()).setParameter(3, after).executeUpdate();
            }
            outbox.record(GovernanceEvents.COMPLIANCE_CHANGED, province + "/" + c.check(), province,
                    new GovernanceEvents.ComplianceChanged(province, c.check(), before == null ? "OK" : before, after));
            changed++;
        }
        return changed;
    }

    private void insertState(String province, String check, String status) {
        em.createNativeQuery("INSERT INTO compliance_state (province, check_code, status, changed_at) VALUES (?1, ?2, ?3, now()) "
                        + "ON CONFLICT (province, check_code) DO UPDATE SET status = EXCLUDED.status, changed_at = now()")
                .setParameter(1, province).setParameter(2, check).setParameter(3, status).executeUpdate();
    }
}
