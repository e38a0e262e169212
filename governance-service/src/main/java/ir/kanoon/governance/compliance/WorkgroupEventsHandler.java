package ir.kanoon.governance.compliance;

import ir.kanoon.platform.consumer.EventHandler;
import ir.kanoon.platform.consumer.UnprocessableEventException;
import ir.kanoon.platform.events.CloudEvent;
import ir.kanoon.platform.events.CloudEvents;
import ir.kanoon.platform.province.Provinces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * Meeting and working-group facts from workgroup-service (events-contract), kept in a local projection for the
 * compliance checks (R9, Art. 9) and the quarterly report. Idempotent twice over: the platform records each event
 * id in {@code processed_event} in this transaction, and the facts are keyed by the meeting/working-group id.
 */
@ApplicationScoped
public class WorkgroupEventsHandler implements EventHandler {

    public static final String GROUP = "governance.workgroup-events";
    public static final String TOPIC = "kanoon.workgroup.events";
    static final String PREFIX = "ir.kanoon.workgroup.";

    /** Our own copy of the fields we read of meeting.held (unknown fields ignored). */
    record MeetingHeld(UUID meetingId, String province, String body, UUID workingGroupId, String workingGroupType,
                       LocalDate heldOn, Integer present, Integer absent, Integer excused, Integer guests,
                       Boolean quorumMet, Integer resolutions) {
    }

    /** working-group.formed / dissolved. */
    record WorkingGroupChanged(UUID workingGroupId, String province, String type) {
    }

    @Inject
    EntityManager em;
    @Inject
    ComplianceService compliance;

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
        String type = event.type() == null ? "" : event.type();
        LocalDate eventDay = event.time() == null ? null
                : event.time().atZone(ir.kanoon.platform.jalali.TehranTime.ZONE).toLocalDate();
        switch (type) {
            case PREFIX + "meeting.held.v1" -> meetingHeld(data(event, MeetingHeld.class));
            case PREFIX + "working-group.formed.v1" -> {
                WorkingGroupChanged g = data(event, WorkingGroupChanged.class);
                requireKeys(g.workingGroupId(), g.province(), g.type());
                WorkingGroupFact f = em.find(WorkingGroupFact.class, g.workingGroupId());
                if (f == null) {
                    f = new WorkingGroupFact();
                    f.workingGroupId = g.workingGroupId();
                    f.province = g.province();
                    f.type = g.type();
                    f.formedOn = eventDay;
                    em.persist(f);
                }
            }
            case PREFIX + "working-group.dissolved.v1" -> {
                WorkingGroupChanged g = data(event, WorkingGroupChanged.class);
                requireKeys(g.workingGroupId(), g.province(), g.type());
                WorkingGroupFact f = em.find(WorkingGroupFact.class, g.workingGroupId());
                if (f == null) {
                    f = new WorkingGroupFact();
                    f.workingGroupId = g.workingGroupId();
                    f.province = g.province();
                    f.type = g.type();
                    em.persist(f);
                }
                f.dissolvedOn = eventDay == null ? LocalDate.now() : eventDay;
            }
            default -> {
                return; // other workgroup events are not needed here
            }
        }
        // The facts changed: publish compliance.changed now rather than at the next daily run.
        em.flush();
        compliance.reevaluate(event.provincecode() != null && Provinces.exists(event.provincecode())
                ? event.provincecode() : province(event));
    }

    private static String province(CloudEvent event) {
        return event.data() == null || event.data().get("province") == null ? null : event.data().get("province").asText();
    }

    private void meetingHeld(MeetingHeld m) {
        requireKeys(m.meetingId(), m.province(), m.body());
        if (m.heldOn() == null) {
            throw new UnprocessableEventException("meeting.held without heldOn");
        }
        MeetingFact f = em.find(MeetingFact.class, m.meetingId());
        boolean isNew = f == null;
        if (isNew) {
            f = new MeetingFact();
            f.meetingId = m.meetingId();
        }
        // A redelivery or a corrected record of the same meeting overwrites: the latest facts win.
        f.province = m.province();
        f.body = m.body();
        f.workingGroupId = m.workingGroupId();
        f.workingGroupType = m.workingGroupType();
        f.heldOn = m.heldOn();
        f.present = n(m.present());
        f.absent = n(m.absent());
        f.excused = n(m.excused());
        f.guests = n(m.guests());
        f.quorumMet = m.quorumMet();
        f.resolutions = n(m.resolutions());
        if (isNew) {
            em.persist(f);
        }
    }

    private static <T> T data(CloudEvent event, Class<T> type) {
        try {
            return CloudEvents.data(event, type);
        } catch (CloudEvents.InvalidEventException e) {
            throw new UnprocessableEventException(e.getMessage(), e);
        }
    }

    private static void requireKeys(UUID id, String province, String kind) {
        if (id == null || province == null || !Provinces.exists(province) || kind == null) {
            throw new UnprocessableEventException("event without id, known province or type/body");
        }
    }

    private static int n(Integer i) {
        return i == null ? 0 : i;
    }
}
