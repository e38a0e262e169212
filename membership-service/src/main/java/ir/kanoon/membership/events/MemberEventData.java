package ir.kanoon.membership.events;

import ir.kanoon.membership.profile.Category;
import ir.kanoon.membership.profile.Sector;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Data of every {@code member.*} event: enough for dashboards and other services (and the Keycloak
 * role sync, by {@code userId}) without personal data. {@code resolutionRef} is the Board resolution
 * behind a status change (Art. 7, R8); null for the scheduled expiry and profile updates.
 */
public record MemberEventData(
        UUID memberId,
        String membershipNumber,
        String userId,
        String province,
        Category category,
        Sector sector,
        String displayName,
        List<String> expertise,
        String status,
        String previousStatus,
        LocalDate termEnd,
        String resolutionRef) {
}
