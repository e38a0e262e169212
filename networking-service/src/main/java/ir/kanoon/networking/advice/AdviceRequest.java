package ir.kanoon.networking.advice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** A question to the Voice of the Advisor (Art. 3-11): NEW → ASSIGNED → ANSWERED → CLOSED, with reassignment. */
@Entity
@Table(name = "advice_request")
public class AdviceRequest {

    public enum Status { NEW, ASSIGNED, ANSWERED, CLOSED }

    @Id
    public UUID id;

    @Column(name = "asker_user_id")
    public String askerUserId;

    public String province;
    public String topic;
    public String question;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] expertise;

    @Enumerated(EnumType.STRING)
    public Advisor.Channel channel;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "advisor_id")
    public UUID advisorId;

    @Column(name = "match_reason")
    public String matchReason;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "assigned_at")
    public Instant assignedAt;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "answered_at")
    public Instant answeredAt;

    public String answer;
    public Integer rating;

    @Version
    public long version;
}
