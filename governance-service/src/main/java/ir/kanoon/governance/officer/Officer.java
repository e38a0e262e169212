package ir.kanoon.governance.officer;

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

/** A proposal of a trustee for an office of the Association and, once appointed, its holding (Art. 8). */
@Entity
@Table(name = "officer")
public class Officer extends PanacheEntityBase {

    @Id
    public UUID id;
    @Version
    public long version;
    @Column(nullable = false, updatable = false)
    public String province;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Office office;
    @Column(name = "appointment_id", nullable = false, updatable = false)
    public UUID appointmentId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OfficerStatus status;
    @Column(name = "proposed_by", nullable = false, updatable = false)
    public String proposedBy;
    @Column(name = "proposed_at", nullable = false, updatable = false)
    public Instant proposedAt;
    @Column(name = "appointed_by")
    public String appointedBy;
    @Column(name = "appointed_on")
    public LocalDate appointedOn;
    @Column(name = "ended_on")
    public LocalDate endedOn;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
