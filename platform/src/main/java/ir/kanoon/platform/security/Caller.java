package ir.kanoon.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import ir.kanoon.platform.persian.NationalId;
import ir.kanoon.platform.problem.Problems;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.Set;

/**
 * Who is calling: subject, realm roles and the province claims of the bearer token, and the province checks
 * every service uses (conventions, Security).
 *
 * <p>Two claims, never mixed: {@code province} is the <em>staff scope</em> of the provincial staff roles
 * ({@code secretariat}, {@code labour-dg}, {@code planning-deputy}, a provincial {@code integration} account),
 * set by administrators only; {@code member_province} is where a person belongs as {@code member} or
 * {@code trustee}, written by the services' role sync. A staff scope is never derived from membership: a
 * Tehran secretariat who becomes a member in Isfahan keeps acting on Tehran only.
 *
 * <p>Ministry roles read every province; {@code ministry-admin} also writes everywhere. Read-only roles
 * ({@code ministry-analyst}, {@code integration} without the {@code integration-write} grant) never pass a
 * write check.
 *
 * <pre>{@code
 * caller.requireWrite(application.province());   // 403 problem when not allowed (also for read-only roles)
 * caller.requireRead(member.province());          // 403 problem unless staff of it or national
 * }</pre>
 */
@RequestScoped
public class Caller {

    /** Staff scope (administrators set it); never written by a service. */
    public static final String PROVINCE_CLAIM = "province";
    /** The province whose Association the person belongs to as member or trustee (set by the role sync). */
    public static final String MEMBER_PROVINCE_CLAIM = "member_province";
    /** The person's verified national ID (a user attribute only administrators or a verification step set). */
    public static final String NATIONAL_ID_CLAIM = "national_id";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    public boolean isAuthenticated() {
        return !identity.isAnonymous();
    }

    /** Keycloak user id ({@code sub}) of the caller. */
    public String subject() {
        String sub = token == null ? null : token.getSubject();
        return sub != null ? sub : identity.getPrincipal().getName();
    }

    /** A name for audit records: {@code preferred_username}, else the subject. */
    public String displayName() {
        Object name = token == null ? null : token.getClaim("preferred_username");
        return name != null ? String.valueOf(name) : subject();
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean hasAnyRole(String... roles) {
        for (String role : roles) {
            if (identity.hasRole(role)) {
                return true;
            }
        }
        return false;
    }

    /** The staff scope claim {@code province} (e.g. {@code IR-07}); empty for ministry, national and lay callers. */
    public Optional<String> province() {
        return claim(PROVINCE_CLAIM);
    }

    /** The {@code member_province} claim: the Association the caller belongs to as member or trustee. */
    public Optional<String> memberProvince() {
        return claim(MEMBER_PROVINCE_CLAIM);
    }

    /**
     * The verified national ID of the caller ({@code national_id} claim), normalised (Persian digits → ASCII);
     * empty when the token has none or it is not a valid national ID.
     */
    public Optional<String> nationalId() {
        return claim(NATIONAL_ID_CLAIM).flatMap(NationalId::normalize);
    }

    /** Ministry roles see all provinces; so does an {@code integration} account without a province claim. */
    public boolean isNational() {
        return hasAnyRole(Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST)
                || hasRole(Roles.INTEGRATION) && province().isEmpty();
    }

    /**
     * A caller whose roles only read: {@code ministry-analyst}, or an {@code integration} account without the
     * {@code integration-write} grant, unless it also holds a role that writes.
     */
    public boolean isReadOnly() {
        boolean readOnlyRole = hasRole(Roles.MINISTRY_ANALYST)
                || hasRole(Roles.INTEGRATION) && !hasRole(Roles.INTEGRATION_WRITE);
        return readOnlyRole && !hasAnyRole(Roles.MINISTRY_ADMIN, Roles.SECRETARIAT, Roles.LABOUR_DG,
                Roles.PLANNING_DEPUTY, Roles.INTEGRATION_WRITE);
    }

    /** Is {@code code} the caller's staff scope ({@code province} claim)? Membership never counts here. */
    public boolean isOwnProvince(String code) {
        return code != null && province().map(p -> p.equalsIgnoreCase(code)).orElse(false);
    }

    /** Is {@code code} the Association the caller belongs to ({@code member_province} claim)? */
    public boolean isMemberOf(String code) {
        return code != null && memberProvince().map(p -> p.equalsIgnoreCase(code)).orElse(false);
    }

    /** May this caller read province {@code code}'s records as staff or ministry? */
    public boolean mayRead(String code) {
        return isNational() || isOwnProvince(code);
    }

    /** May this caller change province {@code code}'s records? Never for read-only roles. */
    public boolean mayWrite(String code) {
        if (isReadOnly()) {
            return false;
        }
        return hasRole(Roles.MINISTRY_ADMIN) || hasRole(Roles.INTEGRATION) && province().isEmpty()
                || isOwnProvince(code);
    }

    /** @deprecated reads use {@link #mayRead}, writes {@link #mayWrite}; kept as the read check. */
    @Deprecated
    public boolean mayActOn(String code) {
        return mayRead(code);
    }

    /** 403 problem unless {@link #mayRead}. */
    public void requireRead(String code) {
        if (!mayRead(code)) {
            throw Problems.forbidden("forbidden-province", code);
        }
    }

    /** 403 problem unless {@link #mayWrite}; a read-only role gets {@code forbidden-read-only} naming it. */
    public void requireWrite(String code) {
        if (isReadOnly()) {
            throw Problems.forbidden("forbidden-read-only",
                    hasRole(Roles.MINISTRY_ANALYST) ? Roles.MINISTRY_ANALYST : Roles.INTEGRATION);
        }
        if (!mayWrite(code)) {
            throw Problems.forbidden("forbidden-province", code);
        }
    }

    /** The one-line check for a change in province {@code code}: the same as {@link #requireWrite}. */
    public void requireProvince(String code) {
        requireWrite(code);
    }

    /**
     * The province a listing must be limited to: the caller's own staff scope, or, for national callers, the
     * requested one (empty = all). A provincial caller asking for another province gets 403.
     */
    public Optional<String> provinceScope(String requested) {
        if (isNational()) {
            return Optional.ofNullable(requested).filter(s -> !s.isBlank());
        }
        String own = province().orElseThrow(() -> Problems.forbidden("forbidden-province", requested));
        if (requested != null && !requested.isBlank() && !requested.equalsIgnoreCase(own)) {
            throw Problems.forbidden("forbidden-province", requested);
        }
        return Optional.of(own);
    }

    private Optional<String> claim(String name) {
        Object claim = token == null ? null : token.getClaim(name);
        if (claim == null) {
            return Optional.empty();
        }
        String value = claim.toString().replace("\"", "").strip();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
