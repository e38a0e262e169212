package ir.kanoon.membership.profile;

import java.time.LocalDate;
import java.util.List;

/**
 * The editable facts of a {@link Profile} as a request carries them; {@code null} means "leave as is",
 * an empty string clears an optional text. Request records implement this with components of the same
 * names, so one {@link ProfileEditor} validates and applies them all.
 */
public interface ProfileChanges {
    default Category category() { return null; }
    default Sector sector() { return null; }
    default String firstName() { return null; }
    default String lastName() { return null; }
    default String firstNameLatin() { return null; }
    default String lastNameLatin() { return null; }
    default String nationalId() { return null; }
    default LocalDate birthDate() { return null; }
    default String mobile() { return null; }
    default String email() { return null; }
    default String city() { return null; }
    default List<String> expertise() { return null; }
    default String achievements() { return null; }
    default String businessLicenceNumber() { return null; }
    default Integer employees() { return null; }
    default Integer foundingYear() { return null; }
    default List<String> patents() { return null; }
    default List<String> awards() { return null; }
    default String university() { return null; }
    default AcademicRank academicRank() { return null; }
    default String organisation() { return null; }
    default String registrationNumber() { return null; }
    default String governmentBody() { return null; }
    default String position() { return null; }
}
