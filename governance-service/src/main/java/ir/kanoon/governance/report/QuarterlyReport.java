package ir.kanoon.governance.report;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A province's report for one Jalali quarter (Art. 6 Note 4, R12). Figures are frozen (JSON) on submission. */
@Entity
@Table(name = "quarterly_report")
public class QuarterlyReport extends PanacheEntityBase {
    @Id
    public UUID id;
    @Version
    public long version;
    @Column(nullable = false, updatable = false)
    public String province;
    @Column(name = "jalali_year", nullable = false, updatable = false)
    public int jalaliYear;
    @Column(nullable = false, updatable = false)
    public int quarter;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReportStatus status;
    public String narrative;
    public String figures;
    @Column(name = "submitted_by")
    public String submittedBy;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    @Column(name = "reviewed_by")
    public String reviewedBy;
    @Column(name = "reviewed_at")
    public Instant reviewedAt;
    public String comments;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
