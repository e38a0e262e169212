package ir.kanoon.platform.history;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** An audited change as the API shows it ({@code GET …/{id}/history}). */
@Schema(name = "HistoryEntry", description = "An audited change: who, when, what, why")
public record HistoryView(
        UUID id,
        Instant at,
        @Schema(description = "Keycloak subject of the actor, or system:<service>-service") String actor,
        @Schema(nullable = true) String actorName,
        @Schema(example = "SUSPENDED") String action,
        @Schema(nullable = true) String fromStatus,
        @Schema(nullable = true) String toStatus,
        @Schema(nullable = true, description = "What authorised the change, e.g. a Board resolution (Art. 7)")
        String resolutionRef,
        @Schema(nullable = true) String reason,
        @Schema(nullable = true, description = "Reference of a document kept with the change") String document) {

    public static HistoryView of(HistoryEntry e) {
        return new HistoryView(e.id(), e.at(), e.actor(), e.actorName(), e.action(), e.fromStatus(), e.toStatus(),
                e.reference(), e.reason(), e.document());
    }
}
