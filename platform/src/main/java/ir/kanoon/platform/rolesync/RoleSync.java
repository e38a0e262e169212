package ir.kanoon.platform.rolesync;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;

/**
 * Records, in the caller's transaction, the role a user should hold in Keycloak and the province it is
 * scoped to; {@link RoleSyncJob} pushes it later, outside any transaction, and retries until Keycloak
 * accepts. A service grants a role by writing a row here together with its own change (or from the handler
 * of its own event), so a Keycloak outage delays the grant but never loses it.
 *
 * <pre>{@code
 * roleSync.desire(member.userSubject, "member", member.isActive(), member.province, event.time());
 * }</pre>
 *
 * <p>The newest state wins: a state {@code asOf} an earlier instant than the recorded one is ignored, so a
 * late redelivery never undoes a later change.
 */
@ApplicationScoped
public class RoleSync {

    /** The staff scope attribute: never written by a service (conventions, Security). */
    static final String STAFF_SCOPE_ATTRIBUTE = "province";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RoleSyncConfig config;

    /** {@link #desire(String, String, boolean, String, String, Instant)} with the configured scope attribute. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void desire(String userId, String role, boolean granted, String scopeProvince, Instant asOf) {
        desire(userId, role, granted, scopeProvince, config.scopeAttribute(), asOf);
    }

    /**
     * Records the desired state of {@code role} for {@code userId}; {@code scopeAttribute} names the user
     * attribute that gets {@code scopeProvince} when granted (never {@code province}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void desire(String userId, String role, boolean granted, String scopeProvince, String scopeAttribute,
                       Instant asOf) {
        requireNotStaffScope(scopeAttribute);
        if (userId == null || userId.isBlank() || role == null || role.isBlank()) {
            throw new IllegalArgumentException("user and role are required");
        }
        String sql = """
                INSERT INTO role_sync (user_subject, role, granted, scope_province, scope_attribute, desired_at,
                                       seq, synced, attempts, next_attempt_at)
                VALUES (?, ?, ?, ?, ?, ?, 1, false, 0, now())
                ON CONFLICT (user_subject, role) DO UPDATE SET granted = EXCLUDED.granted,
                    scope_province = EXCLUDED.scope_province, scope_attribute = EXCLUDED.scope_attribute,
                    desired_at = EXCLUDED.desired_at, seq = role_sync.seq + 1, synced = false, attempts = 0,
                    next_attempt_at = now(), last_error = NULL
                WHERE role_sync.desired_at <= EXCLUDED.desired_at""";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, userId);
            ps.setString(2, role);
            ps.setBoolean(3, granted);
            ps.setString(4, scopeProvince == null ? null : scopeProvince.toUpperCase(Locale.ROOT));
            ps.setString(5, scopeAttribute);
            ps.setTimestamp(6, Timestamp.from(asOf == null ? Instant.now() : asOf));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the desired role of " + userId, e);
        }
    }

    static void requireNotStaffScope(String attribute) {
        if (attribute == null || attribute.isBlank() || STAFF_SCOPE_ATTRIBUTE.equalsIgnoreCase(attribute.strip())) {
            throw new IllegalArgumentException("the role sync never writes the staff scope attribute 'province'; "
                    + "use member_province (or another attribute of its own)");
        }
    }
}
