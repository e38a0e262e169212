package ir.kanoon.membership.history;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import ir.kanoon.platform.ids.Uuids;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Writes and reads the audit history, in the transaction of the change it describes. */
@ApplicationScoped
public class History implements PanacheRepositoryBase<HistoryEntry, UUID> {

    public static final String APPLICATION = "APPLICATION";
    public static final String MEMBER = "MEMBER";

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String aggregateType, UUID aggregateId, Actor actor, String action, Enum<?> from, Enum<?> to,
                       String resolutionRef, String reason) {
        HistoryEntry e = new HistoryEntry();
        e.id = Uuids.v7();
        e.aggregateType = aggregateType;
        e.aggregateId = aggregateId;
        e.at = Instant.now();
        e.actor = actor.subject();
        e.actorName = actor.name();
        e.action = action;
        e.fromStatus = from == null ? null : from.name();
        e.toStatus = to == null ? null : to.name();
        e.resolutionRef = resolutionRef;
        e.reason = reason;
        persist(e);
    }

    /** The whole history of one aggregate, oldest first (a member's history is short: no paging). */
    public List<HistoryView> of(UUID aggregateId) {
        return find("aggregateId", Sort.by("at").and("id"), aggregateId).stream().map(HistoryView::of).toList();
    }
}
