package ir.kanoon.ideabank.idea;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** An idea, initiative or invention in the bank (Art. 3-6). Never leaves the service: {@link IdeaView} does. */
@Entity
@Table(name = "idea")
public class Idea {
    @Id
    public UUID id;
    @Version
    public long version;
    public String province;
    @Enumerated(EnumType.STRING)
    public IdeaKind kind;
    public String title;
    public String summary;
    public String description;
    public String sector;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> tags = new ArrayList<>();
    @Enumerated(EnumType.STRING)
    public Stage stage;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "support_sought")
    public List<String> supportSought = new ArrayList<>();
    @Enumerated(EnumType.STRING)
    public Confidentiality confidentiality;
    @Enumerated(EnumType.STRING)
    public IdeaStatus status;
    public String submitter;
    @Column(name = "submitter_name")
    public String submitterName;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<TeamMember> team = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "team_users")
    public List<String> teamUsers = new ArrayList<>();
    @Column(name = "patent_number")
    public String patentNumber;
    @Column(name = "patent_office")
    public String patentOffice;
    @Column(name = "patent_date")
    public LocalDate patentDate;
    @Column(name = "weighted_score")
    public BigDecimal weightedScore;
    @Column(name = "reviews_assigned")
    public int reviewsAssigned;
    @Column(name = "reviews_completed")
    public int reviewsCompleted;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_by_name")
    public String decidedByName;
    @Column(name = "decision_reason")
    public String decisionReason;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "referred_to")
    public ReferralTarget referredTo;
    @Column(name = "referred_organisation")
    public String referredOrganisation;
    @Column(name = "merged_into")
    public UUID mergedInto;
    @Column(name = "search_text")
    public String searchText;
    @Column(name = "similarity_text")
    public String similarityText;
    /** {@link SimilarityKey#words}; a trigger copies them into {@code idea_word} (candidates of similar ideas). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "similarity_words")
    public List<String> similarityWords = new ArrayList<>();
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Owner or team: the people whose idea it is (never its reviewers, deciders or mergers). */
    public boolean ownedBy(String subject) {
        return subject != null && (subject.equals(submitter) || teamUsers.contains(subject));
    }
}
