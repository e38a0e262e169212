package ir.kanoon.governance.compliance;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

/** A meeting held, as workgroup-service reported it ({@code meeting.held}); the local projection behind R9. */
@Entity
@Table(name = "meeting_fact")
public class MeetingFact extends PanacheEntityBase {
    @Id
    @Column(name = "meeting_id")
    public UUID meetingId;
    public String province;
    public String body;
    @Column(name = "working_group_id")
    public UUID workingGroupId;
    @Column(name = "working_group_type")
    public String workingGroupType;
    @Column(name = "held_on")
    public LocalDate heldOn;
    public int present;
    public int absent;
    public int excused;
    public int guests;
    @Column(name = "quorum_met")
    public Boolean quorumMet;
    public int resolutions;
}
