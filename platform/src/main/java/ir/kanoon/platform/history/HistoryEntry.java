package ir.kanoon.platform.history;

import ir.kanoon.platform.ids.Uuids;

import java.time.Instant;
import java.util.UUID;

/**
 * One audited change of an aggregate (conventions: state changes are recorded — who, when, what, why).
 * {@code aggregateType} is the service's own word ({@code "APPLICATION"}, {@code "BOARD"}); {@code reference}
 * is what authorised the change (a Board resolution, a decree number); {@code document} points at a stored
 * document (minutes, a scanned decree) where a service keeps one.
 */
public record HistoryEntry(UUID id, String aggregateType, UUID aggregateId, Instant at, String actor,
                           String actorName, String action, String fromStatus, String toStatus, String reference,
                           String reason, String document) {

    /** A new entry, now, by {@code actor}; add the rest with the {@code with…} methods. */
    public static HistoryEntry of(String aggregateType, UUID aggregateId, Actor actor, String action) {
        return new HistoryEntry(Uuids.v7(), aggregateType, aggregateId, Instant.now(), actor.subject(), actor.name(),
                action, null, null, null, null, null);
    }

    public HistoryEntry withStatus(Enum<?> from, Enum<?> to) {
        return new HistoryEntry(id, aggregateType, aggregateId, at, actor, actorName, action,
                from == null ? null : from.name(), to == null ? null : to.name(), reference, reason, document);
    }

    public HistoryEntry withReference(String ref) {
        return new HistoryEntry(id, aggregateType, aggregateId, at, actor, actorName, action, fromStatus, toStatus,
                ref, reason, document);
    }

    public HistoryEntry withReason(String why) {
        return new HistoryEntry(id, aggregateType, aggregateId, at, actor, actorName, action, fromStatus, toStatus,
                reference, why, document);
    }

    public HistoryEntry withDocument(String documentRef) {
        return new HistoryEntry(id, aggregateType, aggregateId, at, actor, actorName, action, fromStatus, toStatus,
                reference, reason, documentRef);
    }
}
