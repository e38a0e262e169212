package ir.kanoon.networking.supportpackage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.util.UUID;

/** A support offer of the catalogue (Art. 3-4): loans, grants, training, tax or insurance relief, incubation. */
@Entity
@Table(name = "support_package")
public class SupportPackage {

    public enum Kind { LOAN, GRANT, TRAINING, TAX_RELIEF, INSURANCE_RELIEF, INCUBATION, OTHER }

    public enum Status { DRAFT, PUBLISHED, WITHDRAWN }

    @Id
    public UUID id;

    public String title;
    public String description;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public String provider;

    /** The province whose staff manage it; null for a national package (ministry). */
    @Column(name = "owner_province")
    public String ownerProvince;

    /** Eligible member categories (Art. 4, R7); empty = every category. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] categories;

    /** Eligible entrepreneur sectors; empty = any. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] sectors;

    /** Provinces whose members may use it; empty = every province. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] provinces;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_until")
    public LocalDate validUntil;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Version
    public long version;
}
