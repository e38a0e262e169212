package ir.kanoon.membership.history;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "HistoryEntry", description = "An audited change: who, when, what, why")
public record HistoryView(
        UUID id,
        Instant at,
        @Schema(description = "Keycloak subject of the actor, or system:membership-service") String actor,
        @Schema(nullable = true) String actorName,
        @Schema(example = "SUSPENDED") String action,
        @Schema(nullable = true) String fromStatus,
        @Schema(nullable = true) String toStatus,
        @Schema(nullable = true, description = "Board resolution reference (Art. 7)") String resolutionRef,
        @Schema(nullable = true) String reason) {

    public static HistoryView of(HistoryEntry e) {
        return new HistoryView(e.id, e.at, e.actor, e.actorName, e.action, e.fromStatus, e.toStatus,
                e.resolutionRef, e.reason);
    }
}
