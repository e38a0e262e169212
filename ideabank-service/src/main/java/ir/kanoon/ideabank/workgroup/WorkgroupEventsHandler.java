package ir.kanoon.ideabank.workgroup;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import ir.kanoon.platform.consumer.EventHandler;
import ir.kanoon.platform.consumer.UnprocessableEventException;
import ir.kanoon.platform.events.CloudEvent;
import ir.kanoon.platform.events.CloudEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Projection of workgroup-service's working-group membership (issue 10: reviewers come from the province's
 * ideas, inventions and innovation working group, Art. 9 type 2). Our own copy of the few fields we read;
 * unknown fields are ignored. The platform consumer dedupes by event id, and the upsert is idempotent anyway.
 */
@ApplicationScoped
public class WorkgroupEventsHandler implements EventHandler {

    public static final String TOPIC = "kanoon.workgroup.events";
    static final String PREFIX = "ir.kanoon.workgroup.working-group.";

    @Inject
    EntityManager em;

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WorkingGroupEvent(UUID workingGroupId, String province, String type, UUID memberId, String userId,
                                    String displayName, String role) {
    }

    @Override
    public String consumerGroup() {
        return "ideabank.workgroup-events";
    }

    @Override
    public Set<String> topics() {
        return Set.of(TOPIC);
    }

    @Override
    public void handle(CloudEvent event) {
        if (!event.type().startsWith(PREFIX)) {
            return; // meetings, resolutions: not ours
        }
        String name = event.type().substring(PREFIX.length());
        if (!name.endsWith(".v1")) {
            throw UnprocessableEventException.unsupportedType(event);
        }
        WorkingGroupEvent data = CloudEvents.data(event, WorkingGroupEvent.class);
        if (data.workingGroupId() == null || data.province() == null) {
            throw new UnprocessableEventException("working-group event without workingGroupId/province: " + event.id());
        }
        Instant at = event.time() == null ? Instant.now() : event.time();
        switch (name) {
            case "member-approved.v1" -> approved(data, at);
            case "dissolved.v1" -> em.createNativeQuery("UPDATE wg_member SET active = false, updated_at = ?1 WHERE working_group_id = ?2")
                    .setParameter(1, Timestamp.from(at)).setParameter(2, data.workingGroupId()).executeUpdate();
            default -> { } // formed and other working-group events change no reviewer
        }
    }

    private void approved(WorkingGroupEvent d, Instant at) {
        String key = d.userId() != null ? d.userId() : d.memberId() != null ? d.memberId().toString() : null;
        if (key == null || d.type() == null) {
            throw new UnprocessableEventException("member-approved without userId/memberId or type");
        }
        em.createNativeQuery("""
                INSERT INTO wg_member (working_group_id, member_key, province, wg_type, user_id, member_id, display_name, role, active, updated_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, true, ?9)
                ON CONFLICT (working_group_id, member_key) DO UPDATE SET province = EXCLUDED.province, wg_type = EXCLUDED.wg_type,
                    user_id = EXCLUDED.user_id, member_id = EXCLUDED.member_id, display_name = EXCLUDED.display_name,
                    role = EXCLUDED.role, active = true, updated_at = EXCLUDED.updated_at""")
                .setParameter(1, d.workingGroupId()).setParameter(2, key).setParameter(3, d.province())
                .setParameter(4, d.type()).setParameter(5, d.userId()).setParameter(6, d.memberId())
                .setParameter(7, d.displayName()).setParameter(8, d.role()).setParameter(9, Timestamp.from(at))
                .executeUpdate();
    }
}
