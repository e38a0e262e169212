package ir.kanoon.workgroup.meeting;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
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

/** A meeting of a body (Board, Association or a working group). */
@Entity
@Table(name = "meeting")
public class Meeting extends PanacheEntityBase {
    @Id
    public UUID id;
    @Version
    public long version;
    @Column(nullable = false, updatable = false)
    public String province;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Body body;
    @Column(name = "working_group_id", updatable = false)
    public UUID workingGroupId;
    @Column(nullable = false)
    public String title;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MeetingMode mode;
    public String place;
    @Column(name = "online_url")
    public String onlineUrl;
    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;
    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MeetingStatus status;
    @Column(name = "short_interval_reason")
    public String shortIntervalReason;
    /** The agenda as JSON (ordered, nested items). */
    public String agenda;
    @Column(name = "held_on")
    public LocalDate heldOn;
    public String minutes;
    @Column(name = "members_count")
    public Integer membersCount;
    @Column(name = "present_count")
    public Integer presentCount;
    @Column(name = "absent_count")
    public Integer absentCount;
    @Column(name = "excused_count")
    public Integer excusedCount;
    @Column(name = "guest_count")
    public Integer guestCount;
    @Column(name = "quorum_met")
    public Boolean quorumMet;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
