package ir.kanoon.workgroup.meeting;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.util.UUID;

/** An invitation to a meeting: to a member of the body, or to a government guest by subject (Art. 4-4). */
@Entity
@Table(name = "invitation")
public class Invitation extends PanacheEntityBase {

    public enum Kind { MEMBER, GUEST }

    public enum Rsvp { PENDING, ACCEPTED, DECLINED, TENTATIVE }

    @Id
    public UUID id;
    @Version
    public long version;
    @Column(name = "meeting_id", nullable = false, updatable = false)
    public UUID meetingId;
    @Column(name = "person_id")
    public UUID personId;
    @Column(name = "user_id")
    public String userId;
    @Column(name = "display_name", nullable = false)
    public String displayName;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;
    public String organisation;
    public String subject;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Rsvp rsvp;
}
