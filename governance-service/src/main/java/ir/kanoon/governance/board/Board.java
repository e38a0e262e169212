package ir.kanoon.governance.board;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** R1: the one Board of a province; its row is locked while seats change (Art. 6 seat counts under concurrency). */
@Entity
@Table(name = "board")
public class Board extends PanacheEntityBase {

    @Id
    public String province;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    public long version;
}
