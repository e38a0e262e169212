package ir.kanoon.membership.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import ir.kanoon.membership.support.Events;
import ir.kanoon.platform.events.CloudEvent;
import ir.kanoon.platform.events.CloudEvents;
import ir.kanoon.platform.testing.KafkaTestResource;
import ir.kanoon.platform.testing.OidcTestResource;
import ir.kanoon.platform.testing.PostgresTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static ir.kanoon.membership.support.Fixtures.admit;
import static ir.kanoon.membership.support.Fixtures.entrepreneur;
import static ir.kanoon.membership.support.Fixtures.nationalId;
import static ir.kanoon.membership.support.Fixtures.post;
import static ir.kanoon.membership.support.Fixtures.secretariat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The membership side of the role sync (issue 7, privilege escalation): member events become desired
 * states of the platform's role sync — realm role {@code member} scoped by {@code member_province}, never the
 * staff scope {@code province} — and a suspension takes the role away. (The push to Keycloak, its outage and
 * retries are the platform's {@code RoleSyncTest}; the real Keycloak is the e2e suite's.)
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, parallel = true, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaTestResource.class, parallel = true, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = OidcTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RoleSyncTest {

    @Inject
    RoleSyncHandler handler;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void admissionGrantsMemberScopedByMemberProvince_neverProvince_andSuspensionRevokes() throws Exception {
        String user = "role-sync-person-" + System.nanoTime();
        String memberId = admit(user, entrepreneur("IR-04", nationalId()));
        handle(memberId, "ir.kanoon.membership.member.admitted.v1");
        assertEquals(List.of("member", "true", "IR-04", "member_province"), row(user));

        post(secretariat("IR-04"), "/api/v1/members/" + memberId + "/suspend",
                Map.of("reason", "مصوبه", "resolutionRef", "HT-7")).statusCode(200);
        handle(memberId, "ir.kanoon.membership.member.suspended.v1");
        assertEquals(List.of("member", "false", "IR-04", "member_province"), row(user));
    }

    private void handle(String memberId, String type) {
        List<JsonNode> events = Events.readUntil(Duration.ofSeconds(20),
                seen -> Events.types(Events.about(seen, memberId)).contains(type));
        JsonNode event = Events.about(events, memberId).stream().filter(e -> type.equals(e.path("type").asText()))
                .findFirst().orElseThrow();
        CloudEvent parsed = CloudEvents.fromJson(event.toString());
        QuarkusTransaction.requiringNew().run(() -> handler.handle(parsed));
    }

    private List<String> row(String user) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT role, granted, scope_province, scope_attribute FROM role_sync WHERE user_subject = ?")) {
            ps.setString(1, user);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "a desired state for " + user);
                List<String> row = List.of(rs.getString(1), String.valueOf(rs.getBoolean(2)), rs.getString(3),
                        rs.getString(4));
                assertFalse(rs.next(), "one row per user and role");
                return row;
            }
        }
    }
}
