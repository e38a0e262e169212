package ir.kanoon.networking.tour;

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

/** A provincial or inter-provincial visit of entrepreneurial achievements (Art. 3-9). */
@Entity
@Table(name = "tour")
public class Tour {

    public enum Status { DRAFT, PUBLISHED, COMPLETED, CANCELLED }

    public enum Eligibility {
        /** Members of the host province's Association only. */
        HOST_PROVINCE,
        /** Members of every province (inter-provincial tour). */
        ALL_PROVINCES
    }

    @Id
    public UUID id;

    @Column(name = "host_province")
    public String hostProvince;

    public String title;
    public String description;

    /** JSON array of {@link TourForm.Stop}. */
    public String itinerary;

    @Column(name = "starts_on")
    public LocalDate startsOn;

    @Column(name = "ends_on")
    public LocalDate endsOn;

    public int capacity;

    @Column(name = "registration_opens")
    public Instant registrationOpens;

    @Column(name = "registration_closes")
    public Instant registrationCloses;

    @Enumerated(EnumType.STRING)
    public Eligibility eligibility;

    @Enumerated(EnumType.STRING)
    public Status status;

    /** CONFIRMED registrations; the table's check keeps it at most {@link #capacity}. */
    public int confirmed;

    @Version
    public long version;
}
