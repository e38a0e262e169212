package ir.kanoon.workgroup.resolution;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import ir.kanoon.workgroup.meeting.Body;
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

/** A resolution (مصوبه) adopted in a meeting held with quorum, and its follow-up. */
@Entity
@Table(name = "resolution")
public class Resolution extends PanacheEntityBase {
    @Id
    public UUID id;
    @Version
    public long version;
    @Column(name = "meeting_id", nullable = false, updatable = false)
    public UUID meetingId;
    @Column(nullable = false, updatable = false)
    public String province;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Body body;
    @Column(name = "working_group_id", updatable = false)
    public UUID workingGroupId;
    @Column(nullable = false)
    public String text;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DecisionKind decision;
    @Column(name = "votes_for", nullable = false)
    public int votesFor;
    @Column(name = "votes_against", nullable = false)
    public int votesAgainst;
    @Column(name = "votes_abstain", nullable = false)
    public int votesAbstain;
    public String assignee;
    @Column(name = "due_date")
    public LocalDate dueDate;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ResolutionStatus status;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
