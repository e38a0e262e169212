package ir.kanoon.networking.tour;

import java.time.Instant;
import java.util.UUID;

/** A registration; {@code waitlistPosition} is 1 for the next to be promoted (null unless WAITLISTED). */
public record RegistrationView(UUID id, UUID tourId, UUID memberId, String province, String displayName,
                               TourRegistration.Status status, Integer waitlistPosition, Instant createdAt,
                               Boolean attended, long version) {
}
