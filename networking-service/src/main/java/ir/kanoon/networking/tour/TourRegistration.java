package ir.kanoon.networking.tour;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "tour_registration")
public class TourRegistration {

    public enum Status { CONFIRMED, WAITLISTED, CANCELLED }

    @Id
    public UUID id;

    @Column(name = "tour_id")
    public UUID tourId;

    @Column(name = "member_id")
    public UUID memberId;

    @Column(name = "user_id")
    public String userId;

    public String province;

    @Column(name = "display_name")
    public String displayName;

    @Enumerated(EnumType.STRING)
    public Status status;

    /** Arrival order; the waitlist is served by it. */
    public long seq;

    @Column(name = "created_at")
    public Instant createdAt;

    public Boolean attended;

    @Version
    public long version;
}
