package ir.kanoon.workgroup.group;

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

/** A specialised working group of a province's Association (Art. 9). */
@Entity
@Table(name = "working_group")
public class WorkingGroup extends PanacheEntityBase {
    @Id
    public UUID id;
    @Version
    public long version;
    @Column(nullable = false, updatable = false)
    public String province;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public WorkingGroupType type;
    @Column(nullable = false)
    public String name;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FormationBasis basis;
    @Column(name = "basis_ref", nullable = false)
    public String basisRef;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public GroupStatus status;
    @Column(name = "formed_on", nullable = false)
    public LocalDate formedOn;
    @Column(name = "dissolved_on")
    public LocalDate dissolvedOn;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
