package ir.kanoon.ideabank.experience;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A documented success story of a top entrepreneur (Art. 3-8). */
@Entity
@Table(name = "experience")
public class Experience {
    @Id
    public UUID id;
    @Version
    public long version;
    public String province;
    @Column(name = "member_id")
    public UUID memberId;
    public String author;
    @Column(name = "author_name")
    public String authorName;
    public String title;
    public String story;
    public String lessons;
    public String sector;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> tags = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "media_links")
    public List<String> mediaLinks = new ArrayList<>();
    @Enumerated(EnumType.STRING)
    public ExperienceStatus status;
    @Column(name = "reviewed_by")
    public String reviewedBy;
    @Column(name = "review_note")
    public String reviewNote;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(name = "search_text")
    public String searchText;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
