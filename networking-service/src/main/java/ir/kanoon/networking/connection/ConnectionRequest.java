package ir.kanoon.networking.connection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A member's request to be introduced to another (Art. 3-7): PENDING → ACCEPTED | DECLINED | WITHDRAWN. */
@Entity
@Table(name = "connection_request")
public class ConnectionRequest {

    public enum Status { PENDING, ACCEPTED, DECLINED, WITHDRAWN }

    public enum Purpose { PARTNERSHIP, MENTORING, INVESTMENT, TRADE, KNOWLEDGE_SHARING, OTHER }

    @Id
    public UUID id;

    @Column(name = "requester_member_id")
    public UUID requesterMemberId;

    @Column(name = "requester_user_id")
    public String requesterUserId;

    @Column(name = "target_member_id")
    public UUID targetMemberId;

    @Column(name = "target_user_id")
    public String targetUserId;

    /** The requester's province (the event's provincecode). */
    public String province;

    @Enumerated(EnumType.STRING)
    public Purpose purpose;

    public String message;

    @Enumerated(EnumType.STRING)
    public Status status;

    /** Tehran calendar day of the request: the daily cap counts by it. */
    @Column(name = "requested_on")
    public LocalDate requestedOn;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Version
    public long version;
}
