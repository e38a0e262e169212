package ir.kanoon.workgroup.people;

import ir.kanoon.platform.events.CloudEvent;
import ir.kanoon.platform.persian.PersianText;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * Applies member and trustee facts to {@link EligiblePerson}, tolerant of redelivery and of order: a fact
 * older than the one stored ({@code asOf}) changes nothing, so a late duplicate never revives a person.
 */
@ApplicationScoped
public class PeopleProjection {

    public void apply(UUID personId, String kind, String province, String userId, UUID memberId,
                      String displayName, boolean active, Instant asOf) {
        EligiblePerson p = EligiblePerson.findById(personId);
        if (p == null) {
            p = new EligiblePerson();
            p.personId = personId;
            p.kind = kind;
        } else if (p.asOf != null && p.asOf.isAfter(asOf)) {
            return;
        }
        p.province = province;
        if (userId != null) {
            p.userId = userId;
        }
        if (memberId != null) {
            p.memberId = memberId;
        }
        if (displayName != null && !displayName.isBlank()) {
            p.displayName = PersianText.canonical(displayName);
        } else if (p.displayName == null) {
            p.displayName = "—";
        }
        p.active = active;
        p.asOf = asOf;
        p.persist();
    }

    static Instant timeOf(CloudEvent event) {
        return event.time() != null ? event.time() : Instant.now();
    }
}
