package ir.kanoon.platform.history;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes and reads the audit history (table {@code history_entry}, platform migration). A record is
 * written with plain JDBC on the connection of the caller's transaction ({@code MANDATORY}), like the
 * outbox: it commits or rolls back with the change it describes, and services need no entity of ours.
 */
@ApplicationScoped
public class History {

    @Inject
    AgroalDataSource dataSource;

    /** The common case: a status change of an aggregate, with what authorised it and why. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String aggregateType, UUID aggregateId, Actor actor, String action, Enum<?> from, Enum<?> to,
                       String reference, String reason) {
        record(HistoryEntry.of(aggregateType, aggregateId, actor, action).withStatus(from, to)
                .withReference(reference).withReason(reason));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(HistoryEntry e) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO history_entry (id, aggregate_type, aggregate_id, at, actor, actor_name, action,
                                           from_status, to_status, resolution_ref, reason, document_ref)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setObject(1, e.id());
            ps.setString(2, e.aggregateType());
            ps.setObject(3, e.aggregateId());
            ps.setObject(4, OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC));
            ps.setString(5, e.actor());
            ps.setString(6, e.actorName());
            ps.setString(7, e.action());
            ps.setString(8, e.fromStatus());
            ps.setString(9, e.toStatus());
            ps.setString(10, e.reference());
            ps.setString(11, e.reason());
            ps.setString(12, e.document());
            ps.executeUpdate();
        } catch (SQLException ex) {
            throw new IllegalStateException("cannot record history of " + e.aggregateType() + " " + e.aggregateId(), ex);
        }
    }

    /** The whole history of one aggregate, oldest first (histories are short: no paging). */
    public List<HistoryView> of(UUID aggregateId) {
        return entries(aggregateId).stream().map(HistoryView::of).toList();
    }

    public List<HistoryEntry> entries(UUID aggregateId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT id, aggregate_type, aggregate_id, at, actor, actor_name, action, from_status, to_status,
                       resolution_ref, reason, document_ref
                FROM history_entry WHERE aggregate_id = ? ORDER BY at, id""")) {
            ps.setObject(1, aggregateId);
            List<HistoryEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new HistoryEntry(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                            rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5), rs.getString(6),
                            rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                            rs.getString(12)));
                }
            }
            return out;
        } catch (SQLException ex) {
            throw new IllegalStateException("cannot read history of " + aggregateId, ex);
        }
    }
}
