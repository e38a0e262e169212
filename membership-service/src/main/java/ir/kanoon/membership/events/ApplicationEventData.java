package ir.kanoon.membership.events;

import ir.kanoon.membership.profile.Category;
import ir.kanoon.membership.profile.Sector;

import java.util.List;
import java.util.UUID;

/**
 * Data of {@code application.submitted} and {@code application.decided}. {@code userId} is the
 * applicant's Keycloak user id; {@code memberId} is set once an approval created the member.
 */
public record ApplicationEventData(
        UUID applicationId,
        UUID memberId,
        String userId,
        String province,
        Category category,
        Sector sector,
        String displayName,
        List<String> expertise,
        String status,
        String decision,
        String resolutionRef) {
}
