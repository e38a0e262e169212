package ir.kanoon.networking.advice;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A question with its match explained ({@code matchReason}), SLA ({@code dueAt}, {@code overdue}) and rating. */
public record AdviceView(UUID id, String province, String topic, String question, List<String> expertise,
                         Advisor.Channel channel, AdviceRequest.Status status, UUID advisorId, String advisorName,
                         String matchReason, Instant createdAt, Instant assignedAt, Instant dueAt, boolean overdue,
                         Instant answeredAt, Boolean answeredWithinSla, String answer, Integer rating, long version) {
}
