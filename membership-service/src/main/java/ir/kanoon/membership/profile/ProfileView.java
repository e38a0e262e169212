package ir.kanoon.membership.profile;

import ir.kanoon.platform.jalali.JalaliDate;
import ir.kanoon.platform.persian.Mobile;
import ir.kanoon.platform.persian.NationalId;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * A person's details in a response, unwrapped into the application or member view. With
 * {@code personalDataMasked} true the national ID and mobile are masked and birth date and e-mail
 * withheld (conventions, Security).
 */
@Schema(name = "Person")
public record ProfileView(
        Category category,
        @Schema(nullable = true) Sector sector,
        @Schema(example = "مریم") String firstName,
        @Schema(example = "کریمی") String lastName,
        @Schema(nullable = true, example = "Maryam") String firstNameLatin,
        @Schema(nullable = true, example = "Karimi") String lastNameLatin,
        @Schema(example = "0010350829") String nationalId,
        @Schema(nullable = true) LocalDate birthDate,
        @Schema(nullable = true, example = "1369-05-11", readOnly = true) String birthDateJalali,
        @Schema(example = "09121234567") String mobile,
        @Schema(nullable = true) String email,
        String city,
        List<String> expertise,
        @Schema(nullable = true) String achievements,
        @Schema(nullable = true) String businessLicenceNumber,
        @Schema(nullable = true) Integer employees,
        @Schema(nullable = true, description = "Gregorian year") Integer foundingYear,
        List<String> patents,
        List<String> awards,
        @Schema(nullable = true) String university,
        @Schema(nullable = true) AcademicRank academicRank,
        @Schema(nullable = true) String organisation,
        @Schema(nullable = true) String registrationNumber,
        @Schema(nullable = true) String governmentBody,
        @Schema(nullable = true) String position,
        boolean personalDataMasked) {

    public static ProfileView of(Profile p, boolean seesPersonalData) {
        boolean masked = !seesPersonalData;
        return new ProfileView(p.category, p.sector, p.firstName, p.lastName, p.firstNameLatin, p.lastNameLatin,
                masked ? NationalId.mask(p.nationalId) : p.nationalId,
                masked ? null : p.birthDate,
                masked ? null : JalaliDate.format(p.birthDate),
                masked ? Mobile.mask(p.mobile) : p.mobile,
                masked ? null : p.email,
                p.city, p.expertiseList(), p.achievements, p.businessLicenceNumber, p.employees, p.foundingYear,
                List.of(p.patents), List.of(p.awards), p.university, p.academicRank, p.organisation,
                p.registrationNumber, p.governmentBody, p.position, masked);
    }
}
