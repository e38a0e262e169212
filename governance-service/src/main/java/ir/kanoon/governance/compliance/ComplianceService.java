package ir.kanoon.governance.compliance;

import ir.kanoon.governance.board.Appointment;
import ir.kanoon.governance.board.AppointmentStatus;
import ir.kanoon.governance.board.Seat;
import ir.kanoon.governance.events.GovernanceEvents;
import ir.kanoon.governance.officer.Officer;
import ir.kanoon.platform.jalali.JalaliDate;
import ir.kanoon.platform.jalali.TehranClock;
import ir.kanoon.platform.outbox.Outbox;
import ir.kanoon.platform.province.Province;
import ir.kanoon.platform.province.Provinces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
        LocalDate today = clock.today();
        List<Appointment> appts = em.createQuery("FROM Appointment a WHERE a.province = :p AND a.status IN (:s)",
                        Appointment.class)
                .setParameter("p", province)
                .setParameter("s", List.of(AppointmentStatus.ACTIVE, AppointmentStatus.INTRODUCED))
                .getResultList();
        Map<Seat, Integer> held = new EnumMap<>(Seat.class);
        int awaitingDecree = 0;
        List<Map<String, Object>> ending = new ArrayList<>();
        for (Appointment a : appts) {
            if (a.status == AppointmentStatus.INTRODUCED) {
                awaitingDecree++;
                continue;
            }
            held.merge(a.seat, 1, Integer::sum);
            if (a.termEnd != null && !a.termEnd.isAfter(today.plusDays(termAlertDays))) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("appointmentId", a.id);
                e.put("seat", a.seat.name());
                e.put("termEnd", a.termEnd);
                e.put("termEndJalali", JalaliDate.format(a.termEnd));
                ending.add(e);
            }
        }
        Map<String, Integer> vacancies = new LinkedHashMap<>();
        int active = 0;
        for (Seat s : Seat.values()) {
            int n = Math.min(held.getOrDefault(s, 0), s.count);
            active += n;
            if (n < s.count) {
                vacancies.put(s.name(), s.count - n);
            }
        }
        Set<String> offices = em.createQuery("FROM Officer o WHERE o.province = :p AND o.status = :s", Officer.class)
                .setParameter("p", province).setParameter("s", ir.kanoon.governance.officer.OfficerStatus.ACTIVE)
                .getResultStream().map(o -> o.office.name()).collect(Collectors.toSet());
        List<CheckResult> checks = List.of(
                ComplianceRules.boardSeats(Seat.totalSeats(), vacancies),
                ComplianceRules.decrees(active, awaitingDecree),
                ComplianceRules.officers(offices),
                ComplianceRules.boardMeeting(today, lastMeeting(province, "BOARD_OF_TRUSTEES", today)),
                ComplianceRules.associationMeeting(today, lastMeeting(province, "ASSOCIATION", today)),
                ComplianceRules.workingGroups(new HashSet<>(em.createQuery(
                                "SELECT DISTINCT w.type FROM WorkingGroupFact w WHERE w.province = :p AND w.dissolvedOn IS NULL",
                                String.class)
                        .setParameter("p", province).getResultList())),
                ComplianceRules.termsEnding(ending),
                reportCheck(province, today));
        CheckStatus worst = checks.stream().map(CheckResult::status).max(Comparator.naturalOrder()).orElse(CheckStatus.OK);
        return new ProvinceCompliance(province, Provinces.byCode(province).map(Province::nameFa).orElse(province), today,
                JalaliDate.format(today), worst, checks);
    }

    private CheckResult reportCheck(String province, LocalDate today) {
        ir.kanoon.platform.jalali.JalaliQuarter last = ir.kanoon.platform.jalali.JalaliQuarter.of(today).previous();
        ir.kanoon.governance.report.QuarterlyReport r = reports.find(province, last);
        LocalDate submitted = r == null || r.submittedAt == null ? null
                : r.submittedAt.atZone(ir.kanoon.platform.jalali.TehranTime.ZONE).toLocalDate();
        return ComplianceRules.quarterlyReport(today, last.toString(), reports.dueDate(last), submitted,
                r == null || r.status == ir.kanoon.governance.report.ReportStatus.DRAFT ? null : r.status.name());
    }

    /** All 31 provinces (ministry view). */
    public List<ProvinceCompliance> national() {
        return Provinces.all().stream().map(p -> evaluate(p.code())).toList();
    }

    private LocalDate lastMeeting(String province, String body, LocalDate today) {
        return em.createQuery("SELECT max(m.heldOn) FROM MeetingFact m WHERE m.province = :p AND m.body = :b "
                        + "AND m.heldOn <= :d", LocalDate.class)
                .setParameter("p", province).setParameter("b", body).setParameter("d", today).getSingleResult();
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
