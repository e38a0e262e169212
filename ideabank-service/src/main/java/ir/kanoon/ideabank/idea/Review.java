package ir.kanoon.ideabank.idea;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One reviewer's assignment to an idea and, once completed, their weighted-criteria scores and comment. */
@Entity
@Table(name = "review")
public class Review {
    @Id
    public UUID id;
    @Column(name = "idea_id")
    public UUID ideaId;
    public String reviewer;
    @Column(name = "reviewer_name")
    public String reviewerName;
    @Column(name = "member_id")
    public UUID memberId;
    @Column(name = "outside_expert")
    public boolean outsideExpert;
    public String expertise;
    @Column(name = "assigned_by")
    public String assignedBy;
    @Column(name = "assigned_at")
    public Instant assignedAt;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Integer> scores;
    public BigDecimal score;
    public String comment;
    @Column(name = "completed_at")
    public Instant completedAt;
}
