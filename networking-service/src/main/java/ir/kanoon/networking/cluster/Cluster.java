package ir.kanoon.networking.cluster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.UUID;

/** An economic cluster of a province (Art. 3-13): a product or value chain, its member enterprises and partners. */
@Entity
@Table(name = "cluster")
public class Cluster {

    public enum Status { FORMING, ACTIVE, DORMANT }

    @Id
    public UUID id;

    public String province;
    public String name;

    @Column(name = "value_chain")
    public String valueChain;

    public String description;

    @Enumerated(EnumType.STRING)
    public Status status;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "member_ids", columnDefinition = "uuid[]")
    public UUID[] memberIds;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "partner_ids", columnDefinition = "uuid[]")
    public UUID[] partnerIds;

    @Version
    public long version;
}
