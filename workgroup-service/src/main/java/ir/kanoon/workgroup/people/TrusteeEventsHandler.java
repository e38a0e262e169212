package ir.kanoon.workgroup.people;

import ir.kanoon.platform.consumer.EventHandler;
import ir.kanoon.platform.consumer.UnprocessableEventException;
import ir.kanoon.platform.events.CloudEvent;
import ir.kanoon.platform.events.CloudEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;
import java.util.UUID;

/**
 * governance's {@code trustee.appointed} / {@code trustee.left} into the local projection: trustees may sit in
 * working groups (Art. 9 Note 1) and are the Board's roster for its quorum. Keyed by appointmentId.
 */
@ApplicationScoped
public class TrusteeEventsHandler implements EventHandler {

    public static final String GROUP = "workgroup.governance-events";
    public static final String TOPIC = "kanoon.governance.events";
    static final String APPOINTED = "ir.kanoon.governance.trustee.appointed.v1";
    static final String LEFT = "ir.kanoon.governance.trustee.left.v1";

    record TrusteeFacts(UUID appointmentId, String province, String userId, UUID memberId, String displayName) {
    }

    @Inject
    PeopleProjection projection;

    @Override
    public String consumerGroup() {
        return GROUP;
    }

    @Override
    public Set<String> topics() {
        return Set.of(TOPIC);
    }

    @Override
    public void handle(CloudEvent event) {
        boolean appointed = APPOINTED.equals(event.type());
        if (!appointed && !LEFT.equals(event.type())) {
            return;
        }
        TrusteeFacts t = CloudEvents.data(event, TrusteeFacts.class);
        if (t == null || t.appointmentId() == null || t.province() == null) {
            throw new UnprocessableEventException("trustee event without appointmentId or province: " + event.id());
        }
        projection.apply(t.appointmentId(), "TRUSTEE", t.province(), t.userId(), t.memberId(), t.displayName(),
                appointed, PeopleProjection.timeOf(event));
    }
}
