package ir.kanoon.membership.keycloak;

import jakarta.ws.rs.NotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.RoleMappingResource;
import org.keycloak.admin.client.resource.RoleScopeResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.admin.client.resource.UsersResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The Keycloak role sync against a mocked Admin REST client (the real Keycloak is the e2e suite's). */
class MemberRolesTest {

    private final RealmResource realm = mock(RealmResource.class);
    private final UsersResource users = mock(UsersResource.class);
    private final UserResource user = mock(UserResource.class);
    private final RoleScopeResource realmRoles = mock(RoleScopeResource.class);
    private final RoleRepresentation member = new RoleRepresentation("member", null, false);
    private final UserRepresentation rep = new UserRepresentation();

    @BeforeEach
    void wire() {
        RoleMappingResource mappings = mock(RoleMappingResource.class);
        when(realm.users()).thenReturn(users);
        when(users.get("u-1")).thenReturn(user);
        when(user.roles()).thenReturn(mappings);
        when(mappings.realmLevel()).thenReturn(realmRoles);
        when(user.toRepresentation()).thenReturn(rep);
    }

    @Test
    void r8_admissionGrantsTheMemberRoleFromTheAvailableMappingsAndSetsTheProvince() {
        when(realmRoles.listAvailable()).thenReturn(List.of(new RoleRepresentation("trustee", null, false), member));
        assertTrue(new MemberRoles(realm, "member").apply("u-1", true, "IR-07"));
        verify(realmRoles).add(List.of(member));
        verify(user).update(rep);
        assertEquals(List.of("IR-07"), rep.getAttributes().get("province"));
    }

    @Test
    void r8_grantingIsIdempotent() {
        rep.setAttributes(Map.of("province", List.of("IR-07")));
        when(realmRoles.listAvailable()).thenReturn(List.of());
        when(realmRoles.listAll()).thenReturn(List.of(member));
        assertTrue(new MemberRoles(realm, "member").apply("u-1", true, "IR-07"));
        verify(realmRoles, never()).add(anyList());
        verify(user, never()).update(any());
    }

    @Test
    void r8_suspensionExpiryOrTerminationRevokesTheRole() {
        when(realmRoles.listAll()).thenReturn(List.of(new RoleRepresentation("applicant", null, false), member));
        assertTrue(new MemberRoles(realm, "member").apply("u-1", false, "IR-07"));
        verify(realmRoles).remove(List.of(member));
    }

    @Test
    void aDeletedUserIsSkippedNotRetriedForever() {
        when(user.toRepresentation()).thenThrow(new NotFoundException());
        assertFalse(new MemberRoles(realm, "member").apply("u-1", true, "IR-07"));
    }

    @Test
    void keycloakOutagesPropagateSoTheJobRetries() {
        when(realmRoles.listAll()).thenThrow(new jakarta.ws.rs.ProcessingException("connection refused"));
        assertThrows(jakarta.ws.rs.ProcessingException.class,
                () -> new MemberRoles(realm, "member").apply("u-1", false, null));
    }

    @Test
    void retriesBackOffExponentiallyUpToTheCap() {
        assertEquals(Duration.ofSeconds(1), KeycloakSyncJob.backoff(1, Duration.ofMinutes(5)));
        assertEquals(Duration.ofSeconds(8), KeycloakSyncJob.backoff(4, Duration.ofMinutes(5)));
        assertEquals(Duration.ofMinutes(5), KeycloakSyncJob.backoff(30, Duration.ofMinutes(5)));
    }
}
