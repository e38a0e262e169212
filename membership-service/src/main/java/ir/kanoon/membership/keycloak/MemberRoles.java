package ir.kanoon.membership.keycloak;

import jakarta.ws.rs.NotFoundException;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.RoleScopeResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives a Keycloak user the realm role {@code member} and the {@code province} attribute on admission, and
 * takes the role away when the membership stops being ACTIVE (Art. 7, R8: continued membership depends on
 * qualification). Idempotent: applying the same state twice changes nothing.
 *
 * <p>The service account has {@code manage-users} but not {@code view-realm}, so it cannot read
 * {@code /roles/member}; the role's representation comes from the user's available (to grant) or
 * assigned (to revoke) realm role mappings.
 */
public class MemberRoles {

    public static final String PROVINCE_ATTRIBUTE = "province";

    private final RealmResource realm;
    private final String role;

    public MemberRoles(RealmResource realm, String role) {
        this.realm = realm;
        this.role = role;
    }

    /** Brings the user to the desired state; returns false when the user no longer exists (nothing to do). */
    public boolean apply(String userId, boolean member, String province) {
        UserResource user = realm.users().get(userId);
        try {
            if (member) {
                grant(user, province);
            } else {
                revoke(user);
            }
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private void grant(UserResource user, String province) {
        UserRepresentation rep = user.toRepresentation();
        Map<String, List<String>> attributes = rep.getAttributes() == null ? new HashMap<>() : new HashMap<>(rep.getAttributes());
        if (province != null && !List.of(province).equals(attributes.get(PROVINCE_ATTRIBUTE))) {
            attributes.put(PROVINCE_ATTRIBUTE, List.of(province));
            rep.setAttributes(attributes);
            user.update(rep);
        }
        RoleScopeResource realmRoles = user.roles().realmLevel();
        List<RoleRepresentation> available = realmRoles.listAvailable().stream()
                .filter(r -> role.equals(r.getName())).toList();
        if (!available.isEmpty()) {
            realmRoles.add(available);
        } else if (realmRoles.listAll().stream().noneMatch(r -> role.equals(r.getName()))) {
            throw new IllegalStateException("realm role " + role + " is neither assignable nor assigned");
        }
    }

    private void revoke(UserResource user) {
        RoleScopeResource realmRoles = user.roles().realmLevel();
        List<RoleRepresentation> assigned = realmRoles.listAll().stream()
                .filter(r -> role.equals(r.getName())).toList();
        if (!assigned.isEmpty()) {
            realmRoles.remove(assigned);
        }
    }
}
