package ir.kanoon.workgroup.people;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A member or trustee as membership and governance last told us (local projection; never their
 * databases). {@code personId} is the memberId of a member, the appointmentId of a trustee.
 */
@Entity
@Table(name = "eligible_person")
public class EligiblePerson extends PanacheEntityBase {
    @Id
    @Column(name = "person_id")
    public UUID personId;
    @Column(nullable = false)
    public String kind;
    @Column(nullable = false)
    public String province;
    @Column(name = "user_id")
    public String userId;
    @Column(name = "member_id")
    public UUID memberId;
    @Column(name = "display_name", nullable = false)
    public String displayName;
    @Column(nullable = false)
    public boolean active;
    @Column(name = "as_of", nullable = false)
    public Instant asOf;
}
