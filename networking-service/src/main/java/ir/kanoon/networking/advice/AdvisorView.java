package ir.kanoon.networking.advice;

import java.util.List;
import java.util.UUID;

/** An advisor's public card; {@code load} is questions assigned in the last 7 days. */
public record AdvisorView(UUID id, UUID memberId, String province, String displayName, List<String> expertise,
                          int weeklyCapacity, int load, List<Advisor.Channel> channels, boolean active, long version) {
}
