package ir.kanoon.networking.partner;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record EngagementView(UUID id, UUID partnerId, Engagement.Kind kind, LocalDate occurredOn,
                             String occurredOnJalali, String title, Long amountRials, String reference,
                             Instant createdAt) {
}
