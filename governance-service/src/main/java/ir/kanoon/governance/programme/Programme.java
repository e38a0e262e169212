package ir.kanoon.governance.programme;

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

/** A programme or activity of the Association's plan (Art. 3). */
@Entity
@Table(name = "programme")
public class Programme extends PanacheEntityBase {
    @Id
    public UUID id;
    @Version
    public long version;
    @Column(nullable = false, updatable = false)
    public String province;
    @Column(nullable = false)
    public String title;
    /** Comma-separated Art. 3 clauses, e.g. {@code 3-1,3-6}. */
    @Column(nullable = false)
    public String clauses;
    @Column(nullable = false)
    public String owner;
    @Column(name = "working_group_id")
    public UUID workingGroupId;
    @Column(name = "planned_start", nullable = false)
    public LocalDate plannedStart;
    @Column(name = "planned_end", nullable = false)
    public LocalDate plannedEnd;
    @Column(name = "actual_start")
    public LocalDate actualStart;
    @Column(name = "actual_end")
    public LocalDate actualEnd;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProgrammeStatus status;
    public int progress;
    public String outputs;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
