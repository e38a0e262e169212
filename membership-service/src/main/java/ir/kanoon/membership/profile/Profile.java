package ir.kanoon.membership.profile;

import ir.kanoon.platform.persian.PersianText;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A person's details as an applicant gives them and a member keeps them: identity, contact, category
 * (Art. 4, R7) and the evidence a qualification decision (Art. 7, R8) looks at. Embedded in both
 * {@code application} and {@code member}; text is stored canonical (conventions: Persian specifics).
 */
@Embeddable
public class Profile {

    @Enumerated(EnumType.STRING)
    @Column(name = "category", nullable = false)
    public Category category;

    @Enumerated(EnumType.STRING)
    @Column(name = "sector")
    public Sector sector;

    @Column(name = "first_name", nullable = false)
    public String firstName;

    @Column(name = "last_name", nullable = false)
    public String lastName;

    @Column(name = "first_name_latin")
    public String firstNameLatin;

    @Column(name = "last_name_latin")
    public String lastNameLatin;

    /** Personal data: never in events or logs, masked for callers who may not see it. */
    @Column(name = "national_id", nullable = false, columnDefinition = "char(10)")
    @JdbcTypeCode(SqlTypes.CHAR) // fixed width in the schema: tell Hibernate, or its dev-mode validation complains
    public String nationalId;

    /** Personal data. */
    @Column(name = "birth_date", nullable = false)
    public LocalDate birthDate;

    /** Personal data, stored as {@code 09xxxxxxxxx}. */
    @Column(name = "mobile", nullable = false, columnDefinition = "char(11)")
    @JdbcTypeCode(SqlTypes.CHAR)
    public String mobile;

    @Column(name = "email")
    public String email;

    @Column(name = "city", nullable = false)
    public String city;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "expertise", nullable = false, columnDefinition = "text[]")
    public String[] expertise = new String[0];

    @Column(name = "achievements")
    public String achievements;

    @Column(name = "business_licence_number")
    public String businessLicenceNumber;

    @Column(name = "employees")
    public Integer employees;

    @Column(name = "founding_year")
    public Integer foundingYear;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "patents", nullable = false, columnDefinition = "text[]")
    public String[] patents = new String[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "awards", nullable = false, columnDefinition = "text[]")
    public String[] awards = new String[0];

    @Column(name = "university")
    public String university;

    @Enumerated(EnumType.STRING)
    @Column(name = "academic_rank")
    public AcademicRank academicRank;

    @Column(name = "organisation")
    public String organisation;

    @Column(name = "registration_number")
    public String registrationNumber;

    @Column(name = "government_body")
    public String governmentBody;

    @Column(name = "position")
    public String position;

    /** «نام نام‌خانوادگی»: what events and lists show. */
    public String displayName() {
        return firstName + " " + lastName;
    }

    /** The organisation a member speaks for, whatever the category (university, NGO or government body). */
    public String affiliation() {
        if (university != null) {
            return university;
        }
        return organisation != null ? organisation : governmentBody;
    }

    public List<String> expertiseList() {
        return List.of(expertise == null ? new String[0] : expertise);
    }

    /**
     * The folded search document: names (Persian and Latin), affiliation and expertise, each folded
     * ({@link PersianText#fold}) and separated by '|' so a query token never matches across two fields.
     */
    public String searchText() {
        List<String> parts = new ArrayList<>();
        for (String s : new String[]{firstName, lastName, firstNameLatin, lastNameLatin, affiliation()}) {
            if (s != null && !s.isBlank()) {
                parts.add(PersianText.fold(s));
            }
        }
        parts.addAll(Arrays.asList(expertiseKeys()));
        return "|" + String.join("|", parts) + "|";
    }

    /** Expertise tags folded one by one, for the exact {@code ?expertise=} filter. */
    public String[] expertiseKeys() {
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        for (String tag : expertiseList()) {
            String folded = PersianText.fold(tag);
            if (!folded.isEmpty()) {
                keys.add(folded);
            }
        }
        return keys.toArray(new String[0]);
    }

    public Profile copy() {
        Profile p = new Profile();
        p.category = category;
        p.sector = sector;
        p.firstName = firstName;
        p.lastName = lastName;
        p.firstNameLatin = firstNameLatin;
        p.lastNameLatin = lastNameLatin;
        p.nationalId = nationalId;
        p.birthDate = birthDate;
        p.mobile = mobile;
        p.email = email;
        p.city = city;
        p.expertise = expertise.clone();
        p.achievements = achievements;
        p.businessLicenceNumber = businessLicenceNumber;
        p.employees = employees;
        p.foundingYear = foundingYear;
        p.patents = patents.clone();
        p.awards = awards.clone();
        p.university = university;
        p.academicRank = academicRank;
        p.organisation = organisation;
        p.registrationNumber = registrationNumber;
        p.governmentBody = governmentBody;
        p.position = position;
        return p;
    }
}
