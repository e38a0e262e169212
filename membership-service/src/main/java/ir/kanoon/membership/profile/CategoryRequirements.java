package ir.kanoon.membership.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Art. 4 (R7): a member belongs to exactly one of four categories, and each category is described by
 * its own facts — an entrepreneur by a sector (Art. 4-1), a faculty member by university and rank
 * (Art. 4-2), an NGO representative by the organisation and its registration number (Art. 4-3), a
 * government representative by the body and position (Art. 4-4). Facts of another category are
 * refused rather than silently kept, so a record never describes two categories at once.
 *
 * <p>Plain Java: the service turns each {@link Violation} into a 400 naming the field.
 */
public final class CategoryRequirements {

    /** A field that is missing for its category, or present although it belongs to another one. */
    public record Violation(String field, String messageKey) {
    }

    public static final String REQUIRED = "category.field-required";
    public static final String NOT_APPLICABLE = "category.field-not-applicable";

    /** The category-specific fields, by the category they belong to. */
    static final Map<Category, Set<String>> FIELDS = Map.of(
            Category.ENTREPRENEUR, Set.of("sector"),
            Category.FACULTY, Set.of("university", "academicRank"),
            Category.NGO_REPRESENTATIVE, Set.of("organisation", "registrationNumber"),
            Category.GOVERNMENT_REPRESENTATIVE, Set.of("governmentBody", "position"));

    private CategoryRequirements() {
    }

    /** Every violation of R7 in {@code profile}; empty when it describes exactly one category. */
    public static List<Violation> check(Profile profile) {
        List<Violation> violations = new ArrayList<>();
        if (profile.category == null) {
            violations.add(new Violation("category", "required"));
            return violations;
        }
        Map<String, Object> values = categoryValues(profile);
        for (Map.Entry<Category, Set<String>> entry : FIELDS.entrySet()) {
            boolean own = entry.getKey() == profile.category;
            for (String field : entry.getValue().stream().sorted().toList()) {
                boolean present = isPresent(values.get(field));
                if (own && !present) {
                    violations.add(new Violation(field, REQUIRED));
                } else if (!own && present) {
                    violations.add(new Violation(field, NOT_APPLICABLE));
                }
            }
        }
        violations.sort(java.util.Comparator.comparing(Violation::field));
        return violations;
    }

    /** Clears the facts of every category but {@code category}: used when an application changes category. */
    public static void clearOtherCategories(Profile profile, Category category) {
        if (category != Category.ENTREPRENEUR) {
            profile.sector = null;
        }
        if (category != Category.FACULTY) {
            profile.university = null;
            profile.academicRank = null;
        }
        if (category != Category.NGO_REPRESENTATIVE) {
            profile.organisation = null;
            profile.registrationNumber = null;
        }
        if (category != Category.GOVERNMENT_REPRESENTATIVE) {
            profile.governmentBody = null;
            profile.position = null;
        }
    }

    private static Map<String, Object> categoryValues(Profile p) {
        Map<String, Object> values = new java.util.HashMap<>();
        values.put("sector", p.sector);
        values.put("university", p.university);
        values.put("academicRank", p.academicRank);
        values.put("organisation", p.organisation);
        values.put("registrationNumber", p.registrationNumber);
        values.put("governmentBody", p.governmentBody);
        values.put("position", p.position);
        return values;
    }

    private static boolean isPresent(Object value) {
        return value != null && !(value instanceof String s && s.isBlank());
    }
}
