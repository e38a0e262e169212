package ir.kanoon.workgroup.group;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A seat in a working group: proposed by the Board, approved by the Board Secretary (R11). */
@Entity
@Table(name = "group_member")
public class GroupMember extends PanacheEntityBase {
    @Id
    public UUID id;
    @Version
    public long version;
    @Column(name = "working_group_id", nullable = false, updatable = false)
    public UUID workingGroupId;
    @Column(name = "person_id", nullable = false, updatable = false)
    public UUID personId;
    @Column(name = "user_id")
    public String userId;
    @Column(name = "member_id")
    public UUID memberId;
    @Column(name = "display_name", nullable = false)
    public String displayName;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public GroupRole role;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SeatStatus status;
    @Column(name = "proposal_ref", nullable = false)
    public String proposalRef;
    @Column(name = "proposed_by", nullable = false)
    public String proposedBy;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
