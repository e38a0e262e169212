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
 * membership's {@code member.*} events into the local projection of people (Art. 9 Note 1: only active
 * members can sit in a working group; the Association's roster counts for its quorum). An active member is
 * one whose latest member event says {@code status = ACTIVE} (events contract).
 */
@ApplicationScoped
public class MemberEventsHandler implements EventHandler {

    public static final String GROUP = "workgroup.membership-events";
    public static final String TOPIC = "kanoon.membership.events";
    static final String PREFIX = "ir.kanoon.membership.member.";

    /** Our own copy of the fields we read (unknown ones ignored). */
    record MemberFacts(UUID memberId, String userId, String province, String displayName, String status) {
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
        if (event.type() == null || !event.type().startsWith(PREFIX) || !event.type().endsWith(".v1")) {
            return;
        }
        MemberFacts m = CloudEvents.data(event, MemberFacts.class);
        if (m == null || m.memberId() == null || m.province() == null || m.status() == null) {
            throw new UnprocessableEventException("member event without memberId, province or status: " + event.id());
        }
        projection.apply(m.memberId(), "MEMBER", m.province(), m.userId(), m.memberId(), m.displayName(),
                "ACTIVE".equals(m.status()), PeopleProjection.timeOf(event));
    }
}
