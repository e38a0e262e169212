package ir.kanoon.governance.programme;

import ir.kanoon.platform.persian.PersianText;
import ir.kanoon.platform.problem.Problems;

import java.util.List;
import java.util.TreeSet;

/** Art. 3: a programme serves one or more of the clauses 3-1 … 3-17; its dates and progress are consistent. */
public final class ProgrammeRules {

    private ProgrammeRules() {
    }

    /** Canonical clause list ("۳-۶" → "3-6"), sorted, each one of 3-1 … 3-17; otherwise a 400 naming {@code clauses}. */
    public static List<String> clauses(List<String> input) {
        TreeSet<String> out = new TreeSet<>((a, b) -> Integer.compare(n(a), n(b)));
        for (String c : input) {
            String s = c == null ? "" : PersianText.asciiDigits(c.strip());
            if (!s.matches("3-(1[0-7]|[1-9])")) {
                throw Problems.invalid("clauses", "programme.clause", String.valueOf(c));
            }
            out.add(s);
        }
        return List.copyOf(out);
    }

    public static void check(ProgrammeForm f) {
        var v = Problems.validation();
        if (f.plannedEnd().isBefore(f.plannedStart())) {
            v.field("plannedEnd", "programme.end-before-start");
        }
        if (f.actualStart() != null && f.actualEnd() != null && f.actualEnd().isBefore(f.actualStart())) {
            v.field("actualEnd", "programme.end-before-start");
        }
        if (f.status() == ProgrammeStatus.DONE && f.progress() != null && f.progress() != 100) {
            v.field("progress", "programme.done-progress");
        }
        v.throwIfAny();
    }

    private static int n(String clause) {
        return Integer.parseInt(clause.substring(2));
    }
}
