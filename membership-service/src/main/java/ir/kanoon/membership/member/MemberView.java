package ir.kanoon.membership.member;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import ir.kanoon.membership.profile.ProfileView;
import ir.kanoon.platform.jalali.JalaliDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Schema(name = "Member", description = "A member of a province's Association (Art. 4)")
public record MemberView(
        UUID id,
        @Schema(example = "IR-07-1405-00042") String membershipNumber,
        @Schema(example = "IR-07") String province,
        MemberStatus status,
        @JsonUnwrapped ProfileView person,
        LocalDate admittedOn,
        @Schema(readOnly = true, example = "1405-09-07") String admittedOnJalali,
        @Schema(description = "Last day of the current term") LocalDate termEnd,
        @Schema(readOnly = true) String termEndJalali,
        UUID applicationId,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    static MemberView of(Member m, boolean seesPersonalData) {
        return new MemberView(m.id, m.membershipNumber, m.province, m.status,
                ProfileView.of(m.profile, seesPersonalData), m.admittedOn, JalaliDate.format(m.admittedOn),
                m.termEnd, JalaliDate.format(m.termEnd), m.applicationId, m.createdAt, m.updatedAt, m.version);
    }
}
