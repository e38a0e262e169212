package ir.kanoon.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import ir.kanoon.platform.problem.Problems;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.Set;

/**
 * Who is calling: subject, realm roles and the {@code province} claim of the bearer token, and the one
 * province check every service uses. Ministry roles act on every province; a provincial role only on the
 * province in its token; an {@code integration} account without a province claim is national.
 *
 * <pre>{@code
 * caller.requireProvince(application.province());   // 403 problem when not allowed
 * }</pre>
 */
@RequestScoped
public class Caller {

    public static final String PROVINCE_CLAIM = "province";

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

    /** The province claim of the token (e.g. {@code IR-07}); empty for ministry and national accounts. */
    public Optional<String> province() {
        Object claim = token == null ? null : token.getClaim(PROVINCE_CLAIM);
        if (claim == null) {
            return Optional.empty();
        }
        String value = claim.toString().replace("\"", "").strip();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** Ministry roles see and act on all provinces. */
    public boolean isNational() {
        return hasAnyRole(Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST)
                || hasRole(Roles.INTEGRATION) && province().isEmpty();
    }

    /** May this caller act on province {@code code}? */
    public boolean mayActOn(String code) {
        return isNational() || province().map(p -> p.equalsIgnoreCase(code)).orElse(false);
    }

    /** The one-line province check: 403 problem unless {@link #mayActOn}. */
    public void requireProvince(String code) {
        if (!mayActOn(code)) {
            throw Problems.forbidden("forbidden-province", code);
        }
    }

    /**
     * The province a listing must be limited to: the caller's own, or, for national callers, the
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
}
