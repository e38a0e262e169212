package ir.kanoon.membership.application;

import ir.kanoon.membership.profile.AcademicRank;
import ir.kanoon.membership.profile.Category;
import ir.kanoon.membership.profile.ProfileChanges;
import ir.kanoon.membership.profile.Sector;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * Body of {@code POST /applications} and {@code PATCH /applications/{id}}. On POST, province, category,
 * names, national ID, birth date, mobile, city and the facts of the category (Art. 4, R7) are required;
 * on PATCH absent or null leaves a field as is, "" clears an optional one, and province and national ID
 * cannot change (withdraw and apply again).
 */
@Schema(name = "ApplicationForm")
public record ApplicationForm(
        @Schema(example = "IR-07") String province,
        @Schema(example = "ENTREPRENEUR") Category category,
        @Schema(description = "ENTREPRENEUR only (Art. 4-1)", example = "INDUSTRIAL") Sector sector,
        @Size(max = 100) @Schema(example = "مریم") String firstName,
        @Size(max = 100) @Schema(example = "کریمی") String lastName,
        @Size(max = 100) @Schema(example = "Maryam") String firstNameLatin,
        @Size(max = 100) @Schema(example = "Karimi") String lastNameLatin,
        @Size(max = 20) @Schema(example = "0010350829", description = "10 digits with check digit; Persian digits accepted")
        String nationalId,
        @Schema(example = "1985-08-02") LocalDate birthDate,
        @Size(max = 20) @Schema(example = "09121234567", description = "also +98912…, 0098912…") String mobile,
        @Email @Size(max = 254) String email,
        @Size(max = 100) @Schema(example = "تهران") String city,
        @Size(max = 20) List<@Size(max = 100) String> expertise,
        @Size(max = 4000) String achievements,
        @Size(max = 64) String businessLicenceNumber,
        @PositiveOrZero @Max(1_000_000) Integer employees,
        @Schema(description = "Gregorian year", example = "2012") Integer foundingYear,
        @Size(max = 50) List<@Size(max = 300) String> patents,
        @Size(max = 50) List<@Size(max = 300) String> awards,
        @Size(max = 200) @Schema(description = "FACULTY only (Art. 4-2)") String university,
        @Schema(description = "FACULTY only (Art. 4-2)") AcademicRank academicRank,
        @Size(max = 200) @Schema(description = "NGO_REPRESENTATIVE only (Art. 4-3)") String organisation,
        @Size(max = 64) @Schema(description = "NGO_REPRESENTATIVE only (Art. 4-3)") String registrationNumber,
        @Size(max = 200) @Schema(description = "GOVERNMENT_REPRESENTATIVE only (Art. 4-4)") String governmentBody,
        @Size(max = 200) @Schema(description = "GOVERNMENT_REPRESENTATIVE only (Art. 4-4)") String position)
        implements ProfileChanges {
}
