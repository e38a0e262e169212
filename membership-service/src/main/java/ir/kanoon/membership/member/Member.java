package ir.kanoon.membership.member;

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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A member of a province's Association (Art. 4), admitted by a qualification decision (Art. 7). */
@Entity
@Table(name = "member")
public class Member extends PanacheEntityBase {

    @Id
    public UUID id;

    @Version
    public long version;

    @Column(name = "membership_number", nullable = false, updatable = false)
    public String membershipNumber;

    @Column(nullable = false, updatable = false)
    public String province;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MemberStatus status;

    /**
     * Keycloak user id of the person (the subject that applied): the role sync's key. Null when staff filed
     * the application on the person's behalf; the person is then known by national ID.
     */
    @Column(name = "user_subject", updatable = false)
    public String userSubject;

    @Column(name = "application_id", nullable = false, updatable = false)
    public UUID applicationId;

    @Embedded
    public Profile profile;

    @Column(name = "search_text", nullable = false)
    String searchText;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "expertise_keys", nullable = false, columnDefinition = "text[]")
    String[] expertiseKeys;

    @Column(name = "admitted_on", nullable = false, updatable = false)
    public LocalDate admittedOn;

    @Column(name = "term_end", nullable = false)
    public LocalDate termEnd;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Call after every change: refreshes the derived search columns and the update time. */
    public void touch() {
        searchText = profile.searchText();
        expertiseKeys = profile.expertiseKeys();
        updatedAt = Instant.now();
    }
}
