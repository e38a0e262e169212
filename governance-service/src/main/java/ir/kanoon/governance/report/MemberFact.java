package ir.kanoon.governance.report;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A member as membership-service's latest event described them (no personal data). */
@Entity
@Table(name = "member_fact")
public class MemberFact extends PanacheEntityBase {
    @Id
    @Column(name = "member_id")
    public UUID memberId;
    public String province;
    public String category;
    public String status;
    @Column(name = "admitted_on")
    public LocalDate admittedOn;
    @Column(name = "changed_at")
    public Instant changedAt;
}
