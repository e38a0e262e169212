package ir.kanoon.membership.application;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import ir.kanoon.membership.profile.Profile;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A person's application to their province's Association (Art. 4) and its qualification decision (Art. 7). */
@Entity
@Table(name = "application")
public class Application extends PanacheEntityBase {

    @Id
    public UUID id;

    @Version
    public long version;

    @Column(nullable = false, updatable = false)
    public String province;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ApplicationStatus status;

    /**
     * Keycloak user id of the person who applied: they edit or withdraw it, and get the role on admission.
     * Null when staff filed it on the person's behalf ({@link #filedBy}); the person whose verified
     * {@code national_id} claim matches the form then sees and withdraws it.
     */
    @Column(name = "applicant_subject", updatable = false)
    public String applicantSubject;

    /** The staff member who filed it on the person's behalf (null when the person applied themself). */
    @Column(name = "filed_by", updatable = false)
    public String filedBy;

    @Column(name = "filed_by_name", updatable = false)
    public String filedByName;

    @Embedded
    public Profile profile;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Enumerated(EnumType.STRING)
    public Decision decision;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    /** The Board resolution the decision rests on (Art. 7, R8). */
    @Column(name = "resolution_ref")
    public String resolutionRef;

    @Column(name = "decision_reason")
    public String decisionReason;

    @Column(name = "member_id")
    public UUID memberId;
}
