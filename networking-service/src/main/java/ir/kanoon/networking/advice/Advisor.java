package ir.kanoon.networking.advice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.UUID;

/** A member who opted in to the Voice of the Advisor (Art. 3-11). */
@Entity
@Table(name = "advisor")
public class Advisor {

    public enum Channel { CALL, MESSAGE, MEETING }

    @Id
    public UUID id;

    @Column(name = "member_id")
    public UUID memberId;

    @Column(name = "user_id")
    public String userId;

    public String province;

    @Column(name = "display_name")
    public String displayName;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] expertise;

    @Column(name = "weekly_capacity")
    public int weeklyCapacity;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] channels;

    public boolean active;

    @Version
    public long version;
}
