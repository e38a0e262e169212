package ir.kanoon.governance.compliance;

import ir.kanoon.platform.jalali.JalaliDate;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The directive's checks on a province, from facts only (no Quarkus): each cites its article. Statuses: OK,
 * WARNING (something is due soon or in progress), VIOLATION (the rule is broken today).
 */
public final class ComplianceRules {

    public static final String BOARD_SEATS = "BOARD_SEATS";
    public static final String DECREES = "DECREES";
    public static final String OFFICERS = "OFFICERS";
    public static final String BOARD_MEETING = "BOARD_MEETING";
    public static final String ASSOCIATION_MEETING = "ASSOCIATION_MEETING";
    public static final String WORKING_GROUPS = "WORKING_GROUPS";
    public static final String TERMS_ENDING = "TERMS_ENDING";
    public static final String QUARTERLY_REPORT = "QUARTERLY_REPORT";

    public static final List<String> ALL = List.of(BOARD_SEATS, DECREES, OFFICERS, BOARD_MEETING, ASSOCIATION_MEETING,
            WORKING_GROUPS, TERMS_ENDING, QUARTERLY_REPORT);

    /** A Board meeting due within this many days of the 2-month limit shows as WARNING. */
    static final int BOARD_MEETING_WARNING_DAYS = 14;

    private ComplianceRules() {
    }

    /** Art. 6 (R2): all 11 seats filled; vacancies listed by seat. */
    public static CheckResult boardSeats(int total, Map<String, Integer> vacancies) {
        int vacant = vacancies.values().stream().mapToInt(Integer::intValue).sum();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("seatsTotal", total);
        facts.put("seatsFilled", total - vacant);
        facts.put("vacancies", vacancies);
        return new CheckResult(BOARD_SEATS, "Art. 6", vacant == 0 ? CheckStatus.OK : CheckStatus.VIOLATION, facts);
    }

    /** Art. 6 Note 2 (R5): introduced nominees wait for the planning deputy's decree. */
    public static CheckResult decrees(int trusteesWithDecree, int awaitingDecree) {
        return new CheckResult(DECREES, "Art. 6 Note 2", awaitingDecree == 0 ? CheckStatus.OK : CheckStatus.WARNING,
                facts("trusteesWithDecree", trusteesWithDecree, "awaitingDecree", awaitingDecree));
    }

    /** Art. 8 (R6): a President and a Secretary hold office. */
    public static CheckResult officers(Set<String> heldOffices) {
        boolean both = heldOffices.contains("PRESIDENT") && heldOffices.contains("SECRETARY");
        return new CheckResult(OFFICERS, "Art. 8", both ? CheckStatus.OK : CheckStatus.VIOLATION,
                facts("president", heldOffices.contains("PRESIDENT"), "secretary", heldOffices.contains("SECRETARY")));
    }

    /**
     * Art. 7 Note (R9): the Board meets at least once every 2 months. VIOLATION when no Board meeting was held in the
     * last 2 months (or ever); WARNING when the 2 months run out within {@value #BOARD_MEETING_WARNING_DAYS} days.
     */
    public static CheckResult boardMeeting(LocalDate today, LocalDate lastHeld) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("lastHeldOn", lastHeld);
        facts.put("lastHeldOnJalali", lastHeld == null ? null : JalaliDate.format(lastHeld));
        CheckStatus status;
        if (lastHeld == null || lastHeld.plusMonths(2).isBefore(today)) {
            status = CheckStatus.VIOLATION;
        } else {
            LocalDate dueBy = lastHeld.plusMonths(2);
            facts.put("nextDueBy", dueBy);
            facts.put("nextDueByJalali", JalaliDate.format(dueBy));
            status = dueBy.minusDays(BOARD_MEETING_WARNING_DAYS).isBefore(today) ? CheckStatus.WARNING : CheckStatus.OK;
        }
        return new CheckResult(BOARD_MEETING, "Art. 7 Note", status, facts);
    }

    /**
     * Art. 9 Note 2 (R9): the Association meets monthly (Jalali months). OK when it met this month; WARNING when it
     * met last month but not yet this one; VIOLATION when it met in neither.
     */
    public static CheckResult associationMeeting(LocalDate today, LocalDate lastHeld) {
        JalaliDate now = JalaliDate.of(today);
        CheckStatus status = CheckStatus.VIOLATION;
        if (lastHeld != null) {
            JalaliDate last = JalaliDate.of(lastHeld);
            int monthsAgo = (now.year() * 12 + now.month()) - (last.year() * 12 + last.month());
            status = monthsAgo <= 0 ? CheckStatus.OK : monthsAgo == 1 ? CheckStatus.WARNING : CheckStatus.VIOLATION;
        }
        return new CheckResult(ASSOCIATION_MEETING, "Art. 9 Note 2", status,
                facts("lastHeldOn", lastHeld, "lastHeldOnJalali", lastHeld == null ? null : JalaliDate.format(lastHeld)));
    }

    /** Art. 9 (R10): the five working-group types; OK with all five, WARNING with some, VIOLATION with none. */
    public static CheckResult workingGroups(Set<String> formedTypes) {
        CheckStatus status = formedTypes.size() >= 5 ? CheckStatus.OK
                : formedTypes.isEmpty() ? CheckStatus.VIOLATION : CheckStatus.WARNING;
        return new CheckResult(WORKING_GROUPS, "Art. 9", status,
                facts("typesFormed", formedTypes.stream().sorted().toList(), "typesRequired", 5));
    }

    /** Art. 6: terms about to end (within the alert window) show as WARNING with their end dates. */
    public static CheckResult termsEnding(List<Map<String, Object>> ending) {
        return new CheckResult(TERMS_ENDING, "Art. 6", ending.isEmpty() ? CheckStatus.OK : CheckStatus.WARNING,
                facts("ending", ending));
    }

    /**
     * Art. 6 Note 4 (R12): the last ended Jalali quarter's report. OK when submitted by the due date (or not yet due);
     * WARNING when submitted late or returned by the Ministry; VIOLATION when missing after the due date.
     */
    public static CheckResult quarterlyReport(LocalDate today, String quarter, LocalDate due, LocalDate submittedOn,
                                              String reportStatus) {
        CheckStatus status;
        if (submittedOn == null) {
            status = today.isAfter(due) ? CheckStatus.VIOLATION : CheckStatus.OK;
        } else {
            status = submittedOn.isAfter(due) || "RETURNED".equals(reportStatus) ? CheckStatus.WARNING : CheckStatus.OK;
        }
        return new CheckResult(QUARTERLY_REPORT, "Art. 6 Note 4", status, facts("quarter", quarter, "dueDate", due,
                "dueDateJalali", JalaliDate.format(due), "submittedOn", submittedOn, "reportStatus", reportStatus));
    }

    private static Map<String, Object> facts(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
