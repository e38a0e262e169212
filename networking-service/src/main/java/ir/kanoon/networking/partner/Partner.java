package ir.kanoon.networking.partner;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * An organisation the Association works with (Art. 3-3 universities and research, 3-15 support institutions,
 * 3-17 philanthropists/benefactors).
 */
@Entity
@Table(name = "partner")
public class Partner {

    public enum Kind {
        UNIVERSITY, SCIENCE_TECHNOLOGY_PARK, INCUBATOR, ENTREPRENEURSHIP_CENTRE, RESEARCH_INSTITUTE, NGO, INVESTOR,
        PHILANTHROPIST
    }

    @Id
    public UUID id;

    public String province;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public String name;
    public String description;

    /** JSON array of {@link PartnerForm.Contact}. */
    public String contacts;

    @Column(name = "search_key")
    public String searchKey;

    public boolean active;

    @Column(name = "created_at")
    public Instant createdAt;

    @Version
    public long version;
}
