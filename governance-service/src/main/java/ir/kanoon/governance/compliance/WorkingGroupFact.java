package ir.kanoon.governance.compliance;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

/** A working group as workgroup-service reported it (formed / dissolved; Art. 9). */
@Entity
@Table(name = "working_group_fact")
public class WorkingGroupFact extends PanacheEntityBase {
    @Id
    @Column(name = "working_group_id")
    public UUID workingGroupId;
    public String province;
    public String type;
    @Column(name = "formed_on")
    public LocalDate formedOn;
    @Column(name = "dissolved_on")
    public LocalDate dissolvedOn;
}
