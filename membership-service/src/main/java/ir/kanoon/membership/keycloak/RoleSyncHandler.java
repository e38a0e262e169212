package ir.kanoon.membership.keycloak;

import io.quarkus.arc.lookup.LookupIfProperty;
import ir.kanoon.membership.events.MembershipEvents;
import ir.kanoon.platform.consumer.EventHandler;
import ir.kanoon.platform.events.CloudEvent;
import ir.kanoon.platform.events.CloudEvents;
import ir.kanoon.platform.rolesync.RoleSync;
import ir.kanoon.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Set;

/**
 * Reads the service's own member events (they are the outbox's committed truth) and records with the
 * platform's {@link RoleSync} the state Keycloak should have: realm role {@code member} while the membership
 * is ACTIVE (Art. 7, R8: continued membership depends on qualification), scoped by the {@code member_province}
 * attribute — never {@code province}, the staff scope that administrators alone set (conventions, Security).
 * The platform job pushes it outside any transaction and retries until Keycloak accepts; the newest event
 * wins, so a late redelivery never undoes a later change. Runs only with {@code kanoon.role-sync.enabled=true}.
 */
@ApplicationScoped
@LookupIfProperty(name = "kanoon.role-sync.enabled", stringValue = "true")
public class RoleSyncHandler implements EventHandler {

    public static final String GROUP = "membership.keycloak-sync";

    /** This consumer's own copy of the fields it reads (no shared event classes). */
    record MemberState(String userId, String province, String status) {
    }

    @Inject
    RoleSync roleSync;

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
            return; // a membership filed on someone's behalf whose person has no account yet: no role to give
        }
        roleSync.desire(state.userId(), Roles.MEMBER, "ACTIVE".equals(state.status()), state.province(),
                event.time() == null ? Instant.now() : event.time());
    }
}
