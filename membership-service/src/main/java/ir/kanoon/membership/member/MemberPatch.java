package ir.kanoon.membership.member;

import ir.kanoon.membership.profile.AcademicRank;
import ir.kanoon.membership.profile.ProfileChanges;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * {@code PATCH /members/{id}}: absent or null leaves a field as is, "" clears an optional one. Identity
 * and qualification facts (names, national ID, birth date, category, sector) are not here: they were
 * the basis of the Board-supervised decision (Art. 7) and change only through a new application. The
 * category facts below (university, academic rank, organisation, registration number, government body,
 * position) are accepted by the schema only to be refused with a 422 naming Art. 7 and the field: they
 * too need a decision.
 */
@Schema(name = "MemberPatch")
public record MemberPatch(
        @Size(max = 100) String firstNameLatin,
        @Size(max = 100) String lastNameLatin,
        @Size(max = 20) String mobile,
        @Email @Size(max = 254) String email,
        @Size(max = 100) String city,
        @Size(max = 20) List<@Size(max = 100) String> expertise,
        @Size(max = 4000) String achievements,
        @Size(max = 64) String businessLicenceNumber,
        @PositiveOrZero @Max(1_000_000) Integer employees,
        Integer foundingYear,
        @Size(max = 50) List<@Size(max = 300) String> patents,
        @Size(max = 50) List<@Size(max = 300) String> awards,
        @Size(max = 200) @Schema(description = "Refused (422, Art. 7): needs a decision") String university,
        @Schema(description = "Refused (422, Art. 7): needs a decision") AcademicRank academicRank,
        @Size(max = 200) @Schema(description = "Refused (422, Art. 7): needs a decision") String organisation,
        @Size(max = 64) @Schema(description = "Refused (422, Art. 7): needs a decision") String registrationNumber,
        @Size(max = 200) @Schema(description = "Refused (422, Art. 7): needs a decision") String governmentBody,
        @Size(max = 200) @Schema(description = "Refused (422, Art. 7): needs a decision") String position)
        implements ProfileChanges {
}
