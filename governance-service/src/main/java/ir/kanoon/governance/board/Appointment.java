package ir.kanoon.governance.board;

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

/** A nomination to a seat, through approval and introduction, to the decree that makes it active, and its end. */
@Entity
@Table(name = "appointment")
public class Appointment extends PanacheEntityBase {

    @Id
    public UUID id;
    @Version
    public long version;
    @Column(nullable = false, updatable = false)
    public String province;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Seat seat;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AppointmentStatus status;
    @Column(name = "full_name", nullable = false)
    public String fullName;
    @Column(name = "national_id", nullable = false, updatable = false)
    public String nationalId;
    public String organisation;
    @Column(name = "member_id")
    public UUID memberId;
    @Column(name = "user_subject")
    public String userSubject;
    @Enumerated(EnumType.STRING)
    @Column(name = "nominated_by", nullable = false, updatable = false)
    public Nominator nominatedBy;
    @Column(name = "nomination_document")
    public String nominationDocument;
    @Column(name = "recorded_by", nullable = false, updatable = false)
    public String recordedBy;
    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;
    @Column(name = "approved_by")
    public String approvedBy;
    @Column(name = "approved_at")
    public Instant approvedAt;
    @Column(name = "introduced_by")
    public String introducedBy;
    @Column(name = "introduced_at")
    public Instant introducedAt;
    @Column(name = "introduction_document")
    public String introductionDocument;
    @Column(name = "decree_number")
    public String decreeNumber;
    @Column(name = "decree_issued_on")
    public LocalDate decreeIssuedOn;
    @Column(name = "decreed_by")
    public String decreedBy;
    @Column(name = "term_end")
    public LocalDate termEnd;
    public Integer slot;
    @Column(name = "ended_on")
    public LocalDate endedOn;
    @Enumerated(EnumType.STRING)
    @Column(name = "end_reason")
    public EndReason endReason;
    @Column(name = "end_document")
    public String endDocument;
    @Column(name = "term_alerted", nullable = false)
    public boolean termAlerted;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Held the seat on {@code day}: decreed on or before it and not ended by then. */
    public boolean heldOn(LocalDate day) {
        return decreeIssuedOn != null && !decreeIssuedOn.isAfter(day)
                && (status == AppointmentStatus.ACTIVE || (endedOn != null && endedOn.isAfter(day)));
    }
}
