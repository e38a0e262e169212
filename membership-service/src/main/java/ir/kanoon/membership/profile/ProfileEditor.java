package ir.kanoon.membership.profile;

import ir.kanoon.platform.persian.Mobile;
import ir.kanoon.platform.persian.NationalId;
import ir.kanoon.platform.persian.PersianText;
import ir.kanoon.platform.problem.Problems;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies {@link ProfileChanges} to a {@link Profile}: canonical Persian text, normalised national ID
 * and mobile, and every problem collected into one 400 naming each field (never half-applied, since the
 * caller's transaction rolls back on the exception). Ends with the category rules of Art. 4 (R7).
 */
public final class ProfileEditor {

    /** Applicants are adults; nobody alive was born before this. */
    static final int MIN_AGE = 18;
    static final int OLDEST_YEAR = 1900;

    private ProfileEditor() {
    }

    /**
     * @param creating true for a new profile: the required facts must all be present
     * @param today    "today" in Tehran, for the birth date and founding year checks
     */
    public static void apply(ProfileChanges in, Profile p, boolean creating, LocalDate today,
                             Problems.ValidationBuilder v) {
        if (in.category() != null && in.category() != p.category) {
            // A new category brings its own facts (R7); the old category's facts no longer apply.
            CategoryRequirements.clearOtherCategories(p, in.category());
            p.category = in.category();
        }
        if (in.sector() != null) {
            p.sector = in.sector();
        }
        p.firstName = required(in.firstName(), p.firstName, "firstName", v);
        p.lastName = required(in.lastName(), p.lastName, "lastName", v);
        p.firstNameLatin = optional(in.firstNameLatin(), p.firstNameLatin);
        p.lastNameLatin = optional(in.lastNameLatin(), p.lastNameLatin);
        p.city = required(in.city(), p.city, "city", v);
        if (in.nationalId() != null) {
            NationalId.normalize(in.nationalId()).ifPresentOrElse(id -> p.nationalId = id,
                    () -> v.field("nationalId", "national-id.invalid"));
        }
        if (in.mobile() != null) {
            Mobile.normalize(in.mobile()).ifPresentOrElse(m -> p.mobile = m,
                    () -> v.field("mobile", "mobile.invalid"));
        }
        if (in.birthDate() != null) {
            LocalDate b = in.birthDate();
            if (b.getYear() < OLDEST_YEAR || b.isAfter(today.minusYears(MIN_AGE))) {
                v.field("birthDate", "birth-date.invalid", MIN_AGE);
            } else {
                p.birthDate = b;
            }
        }
        if (in.email() != null) {
            p.email = in.email().isBlank() ? null : in.email().strip().toLowerCase(java.util.Locale.ROOT);
        }
        if (in.expertise() != null) {
            p.expertise = tags(in.expertise());
        }
        p.achievements = optional(in.achievements(), p.achievements);
        if (in.businessLicenceNumber() != null) {
            p.businessLicenceNumber = optional(PersianText.asciiDigits(in.businessLicenceNumber()), null);
        }
        if (in.employees() != null) {
            p.employees = in.employees();
        }
        if (in.foundingYear() != null) {
            if (in.foundingYear() < OLDEST_YEAR || in.foundingYear() > today.getYear()) {
                v.field("foundingYear", "founding-year.invalid", OLDEST_YEAR, today.getYear());
            } else {
                p.foundingYear = in.foundingYear();
            }
        }
        if (in.patents() != null) {
            p.patents = texts(in.patents());
        }
        if (in.awards() != null) {
            p.awards = texts(in.awards());
        }
        p.university = optional(in.university(), p.university);
        if (in.academicRank() != null) {
            p.academicRank = in.academicRank();
        }
        p.organisation = optional(in.organisation(), p.organisation);
        if (in.registrationNumber() != null) {
            p.registrationNumber = optional(PersianText.asciiDigits(in.registrationNumber()), null);
        }
        p.governmentBody = optional(in.governmentBody(), p.governmentBody);
        p.position = optional(in.position(), p.position);

        if (creating) {
            requirePresent(p.nationalId, in.nationalId(), "nationalId", v);
            requirePresent(p.mobile, in.mobile(), "mobile", v);
            requirePresent(p.birthDate, in.birthDate(), "birthDate", v);
        }
        if (p.category == null) {
            v.field("category", "required");
        } else {
            for (CategoryRequirements.Violation violation : CategoryRequirements.check(p)) {
                v.field(violation.field(), violation.messageKey(), p.category);
            }
        }
    }

    private static String required(String incoming, String current, String field, Problems.ValidationBuilder v) {
        if (incoming == null) {
            if (current == null) {
                v.field(field, "required");
            }
            return current;
        }
        String value = PersianText.canonical(incoming);
        if (value.isEmpty()) {
            v.field(field, "required");
            return current;
        }
        return value;
    }

    private static String optional(String incoming, String current) {
        if (incoming == null) {
            return current;
        }
        String value = PersianText.canonical(incoming);
        return value.isEmpty() ? null : value;
    }

    /** Missing only if it was neither sent (an invalid value reports its own error) nor already set. */
    private static void requirePresent(Object current, Object incoming, String field, Problems.ValidationBuilder v) {
        if (current == null && incoming == null) {
            v.field(field, "required");
        }
    }

    /** Canonical, blank-free, without duplicates that differ only in spelling (same folded form). */
    static String[] tags(List<String> input) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String tag : input) {
            String value = PersianText.canonical(tag);
            if (value != null && !value.isEmpty()) {
                byKey.putIfAbsent(PersianText.fold(value), value);
            }
        }
        return byKey.values().toArray(new String[0]);
    }

    private static String[] texts(List<String> input) {
        return input.stream().map(PersianText::canonical).filter(s -> s != null && !s.isEmpty())
                .toArray(String[]::new);
    }
}
