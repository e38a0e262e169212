package ir.kanoon.networking.partner;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One entry of a partner's engagement log: an MoU, an event, a meeting, a donation or pledge. */
@Entity
@Table(name = "partner_engagement")
public class Engagement {

    public enum Kind { MOU, EVENT, MEETING, DONATION, PLEDGE, OTHER }

    @Id
    public UUID id;

    @Column(name = "partner_id")
    public UUID partnerId;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    @Column(name = "occurred_on")
    public LocalDate occurredOn;

    public String title;

    @Column(name = "amount_rials")
    public Long amountRials;

    public String reference;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "created_at")
    public Instant createdAt;
}
