package ir.kanoon.networking.supportpackage;

import ir.kanoon.platform.problem.Problems;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Who may use a support package (Art. 3-4), by the member categories of Art. 4 (R7), sector and province, within
 * its period; without Quarkus. An empty list means "no restriction".
 */
public final class SupportEligibility {

    /** Art. 4 (R7): the four member categories. */
    public static final Set<String> CATEGORIES = Set.of("ENTREPRENEUR", "FACULTY", "NGO_REPRESENTATIVE",
            "GOVERNMENT_REPRESENTATIVE");
    /** Art. 4-1: the entrepreneurs' sectors. */
    public static final Set<String> SECTORS = Set.of("INDUSTRIAL", "SERVICES", "COMMERCIAL", "HOME_BUSINESS");

    private SupportEligibility() {
    }

    public static boolean eligible(List<String> categories, List<String> sectors, List<String> provinces,
                                   LocalDate from, LocalDate until, String category, String sector, String province,
                                   LocalDate today) {
        return (categories.isEmpty() || categories.contains(category))
                && (sectors.isEmpty() || sector != null && sectors.contains(sector))
                && (provinces.isEmpty() || provinces.contains(province))
                && !today.isBefore(from) && !today.isAfter(until);
    }

    /** The categories named must be Art. 4's (R7), the sectors Art. 4-1's. */
    public static void validate(List<String> categories, List<String> sectors) {
        var v = Problems.validation();
        for (int i = 0; i < categories.size(); i++) {
            if (!CATEGORIES.contains(categories.get(i))) {
                v.field("categories[" + i + "]", "support.category-unknown");
            }
        }
        for (int i = 0; i < sectors.size(); i++) {
            if (!SECTORS.contains(sectors.get(i))) {
                v.field("sectors[" + i + "]", "support.sector-unknown");
            }
        }
        v.throwIfAny();
    }
}
