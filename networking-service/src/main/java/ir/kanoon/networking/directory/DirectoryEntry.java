package ir.kanoon.networking.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/**
 * One member as the directory knows them: built only from membership's {@code member.*} events (Art. 3-7), never
 * from membership's database. Public profile fields only — there is no column for national ID, mobile or e-mail.
 */
@Entity
@Table(name = "directory_entry")
public class DirectoryEntry {

    @Id
    @Column(name = "member_id")
    public UUID memberId;

    @Column(name = "user_id")
    public String userId;

    @Column(name = "membership_number")
    public String membershipNumber;

    public String province;
    public String category;
    public String sector;

    @Column(name = "display_name")
    public String displayName;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] expertise;

    public String status;

    @Column(name = "search_key")
    public String searchKey;

    @Column(name = "as_of")
    public Instant asOf;

    public boolean isActive() {
        return "ACTIVE".equals(status);
    }
}
