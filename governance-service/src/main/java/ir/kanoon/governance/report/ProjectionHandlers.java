package ir.kanoon.governance.report;

import ir.kanoon.platform.consumer.EventHandler;
import ir.kanoon.platform.consumer.UnprocessableEventException;
import ir.kanoon.platform.events.CloudEvent;
import ir.kanoon.platform.events.CloudEvents;
import ir.kanoon.platform.jalali.TehranTime;
import ir.kanoon.platform.province.Provinces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Projections behind the quarterly report's numbers (R12), from membership, ideabank and networking events
 * (events-contract shapes, our own copies; unknown fields ignored). Each is idempotent: the platform dedups by event
 * id, members are keyed by member id (a late event never overwrites a newer one), activities by event id.
 */
public final class ProjectionHandlers {

    private ProjectionHandlers() {
    }

    static LocalDate day(CloudEvent e) {
        return (e.time() == null ? Instant.now() : e.time()).atZone(TehranTime.ZONE).toLocalDate();
    }

    /** member.* of membership-service. */
    @ApplicationScoped
    public static class Members implements EventHandler {

        record MemberState(UUID memberId, String province, String category, String status) {
        }

        @Inject
        EntityManager em;

        @Override
        public String consumerGroup() {
            return "governance.membership-events";
        }

        @Override
        public Set<String> topics() {
            return Set.of("kanoon.membership.events");
        }

        @Override
        public void handle(CloudEvent event) {
            if (event.type() == null || !event.type().startsWith("ir.kanoon.membership.member.")) {
                return;
            }
            MemberState m;
            try {
                m = CloudEvents.data(event, MemberState.class);
            } catch (CloudEvents.InvalidEventException e) {
                throw new UnprocessableEventException(e.getMessage(), e);
            }
            if (m.memberId() == null || m.province() == null || m.category() == null || m.status() == null) {
                throw new UnprocessableEventException("member event without memberId, province, category or status");
            }
            Instant at = event.time() == null ? Instant.now() : event.time();
            MemberFact f = em.find(MemberFact.class, m.memberId());
            boolean isNew = f == null;
            if (isNew) {
                f = new MemberFact();
                f.memberId = m.memberId();
            } else if (f.changedAt != null && f.changedAt.isAfter(at)) {
                return; // a late redelivery never undoes a newer state
            }
            f.province = m.province();
            f.category = m.category();
            f.status = m.status();
            f.changedAt = at;
            if (event.type().endsWith(".member.admitted.v1") && f.admittedOn == null) {
                f.admittedOn = day(event);
            }
            if (isNew) {
                em.persist(f);
            }
        }
    }

    /** Counted activities of ideabank and networking (ideas, advice, tours). */
    @ApplicationScoped
    public static class Activities implements EventHandler {

        /** CloudEvents type suffix → activity kind. */
        static final Map<String, String> KINDS = Map.of(
                "ir.kanoon.ideabank.idea.submitted.v1", "IDEAS_SUBMITTED",
                "ir.kanoon.ideabank.idea.evaluated.v1", "IDEAS_EVALUATED",
                "ir.kanoon.ideabank.idea.referred.v1", "IDEAS_REFERRED",
                "ir.kanoon.networking.advice.requested.v1", "ADVICE_REQUESTED",
                "ir.kanoon.networking.advice.answered.v1", "ADVICE_ANSWERED",
                "ir.kanoon.networking.tour.completed.v1", "TOURS_COMPLETED");

        @Inject
        EntityManager em;

        @Override
        public String consumerGroup() {
            return "governance.activity-events";
        }

        @Override
        public Set<String> topics() {
            return Set.of("kanoon.ideabank.events", "kanoon.networking.events");
        }

        @Override
        public void handle(CloudEvent event) {
            String kind = event.type() == null ? null : KINDS.get(event.type());
            if (kind == null) {
                return;
            }
            var data = event.data();
            String province = data == null ? null
                    : data.hasNonNull("province") ? data.get("province").asText()
                    : data.hasNonNull("hostProvince") ? data.get("hostProvince").asText() : event.provincecode();
            if (province == null || !Provinces.exists(province)) {
                throw new UnprocessableEventException(event.type() + " without a known province");
            }
            insert(event.id(), province, kind, day(event), 1);
            if ("TOURS_COMPLETED".equals(kind) && data.hasNonNull("participants")) {
                insert(event.id() + "/p", province, "TOUR_PARTICIPANTS", day(event), data.get("participants").asInt());
            }
            if ("ADVICE_ANSWERED".equals(kind) && data.path("answeredWithinSla").asBoolean(false)) {
                insert(event.id() + "/sla", province, "ADVICE_ANSWERED_WITHIN_SLA", day(event), 1);
            }
        }

        private void insert(String id, String province, String kind, LocalDate day, int amount) {
            em.createNativeQuery("INSERT INTO activity_fact (event_id, province, kind, day, amount) VALUES (?1, ?2, ?3, ?4, ?5) "
                            + "ON CONFLICT (event_id) DO NOTHING")
                    .setParameter(1, id).setParameter(2, province).setParameter(3, kind).setParameter(4, day)
                    .setParameter(5, amount).executeUpdate();
        }
    }
}
