package ir.kanoon.membership.keycloak;

import io.quarkus.arc.lookup.LookupIfProperty;
import ir.kanoon.membership.events.MembershipEvents;
import ir.kanoon.platform.consumer.EventHandler;
import ir.kanoon.platform.events.CloudEvent;
import ir.kanoon.platform.events.CloudEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;

/**
 * Reads the service's own member events (they are the outbox's committed truth) and records, per user,
 * the role state Keycloak should have. {@link KeycloakSyncJob} pushes it and retries until Keycloak
 * accepts, so a Keycloak outage delays the change but loses nothing; the newest event wins, so a late
 * redelivery never undoes a later change. Runs only with {@code kanoon.keycloak-sync.enabled=true}.
 */
@ApplicationScoped
@LookupIfProperty(name = "kanoon.keycloak-sync.enabled", stringValue = "true")
public class RoleSyncHandler implements EventHandler {

    public static final String GROUP = "membership.keycloak-sync";

    /** This consumer's own copy of the fields it reads (no shared event classes). */
    record MemberState(String userId, String province, String status) {
    }

    @Inject
    EntityManager em;

    @Override
    public String consumerGroup() {
        return GROUP;
    }

    @Override
    public Set<String> topics() {
        return Set.of(MembershipEvents.TOPIC);
    }

    @Override
    public void handle(CloudEvent event) {
        if (event.type() == null || !event.type().startsWith("ir.kanoon.membership.member.")) {
            return;
        }
        MemberState state = CloudEvents.data(event, MemberState.class);
        if (state.userId() == null || state.status() == null) {
            return;
        }
        record(state.userId(), state.province(), "ACTIVE".equals(state.status()),
                event.time() == null ? Instant.now() : event.time());
    }

    void record(String userId, String province, boolean member, Instant eventTime) {
        em.createNativeQuery("""
                        INSERT INTO keycloak_sync (user_subject, province, member, event_time, synced, attempts, next_attempt_at)
                        VALUES (:u, :p, :m, :t, false, 0, now())
                        ON CONFLICT (user_subject) DO UPDATE SET province = EXCLUDED.province, member = EXCLUDED.member,
                            event_time = EXCLUDED.event_time, synced = false, attempts = 0, next_attempt_at = now(),
                            last_error = NULL
                        WHERE keycloak_sync.event_time <= EXCLUDED.event_time""")
                .setParameter("u", userId).setParameter("p", province).setParameter("m", member)
                .setParameter("t", Timestamp.from(eventTime))
                .executeUpdate();
    }
}
