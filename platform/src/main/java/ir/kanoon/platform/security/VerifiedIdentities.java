package ir.kanoon.platform.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import ir.kanoon.platform.http.VerifiedTokenCache;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The services' cache of verified bearer tokens: token → the identity quarkus-oidc built for it, until the
 * token's {@code exp} and never longer (platform-http's {@link VerifiedTokenCache}, shared with the gateway).
 * Verifying the RS256 signature and parsing the claims (twice, in jose4j and Vert.x JSON) was about a fifth of a
 * service's CPU per authenticated request (issue 13, bench/membership/RESULTS.md).
 *
 * <p>An identity is never handed to a second request as it is: the one quarkus-oidc builds carries
 * per-request attributes (the request's {@link RoutingContext}, the {@link AuthenticationRequestContext}).
 * What is kept is a <em>template</em> with those attributes emptied (so the cache holds no finished request
 * either), and every request gets a new identity built from it with its own routing context
 * ({@link #rebuild}). Principal (the parsed, immutable {@link JsonWebToken}), roles, credentials, permissions and
 * the other attributes (tenant, provider metadata, expiry) are what the verification established and are
 * shared as they are, so {@link Caller} and {@code @RolesAllowed} read exactly what an uncached request reads.
 *
 * <p>Not cached: tokens bound to a client certificate or a DPoP key (claim {@code cnf}: the binding is a
 * property of each request, not of the token) and tokens without {@code exp}. Configuration:
 * {@code kanoon.security.token-cache.enabled} (default true) and {@code kanoon.security.token-cache.max-entries}
 * (default 4096: a few KB each; when full, further tokens are verified every time).
 */
@ApplicationScoped
public class VerifiedIdentities {

    /** Attribute of an identity rebuilt from the cache (so the augmentor does not remember it again). */
    public static final String FROM_CACHE = "kanoon.token-cache.hit";

    private record Template(SecurityIdentity identity, Set<String> routingContextKeys, Set<String> requestContextKeys) { }

    private final VerifiedTokenCache<Template> cache;
    private final Runnable stopSweeping;

    /** {@code kanoon.security.token-cache.*}: on by default; off restores a full verification per request. */
    @ConfigMapping(prefix = "kanoon.security.token-cache")
    public interface Settings {
        @WithDefault("true")
        boolean enabled();

        /** A few KB each (the parsed token and its identity); when full, further tokens are verified every time. */
        @WithDefault("4096")
        int maxEntries();
    }

    public VerifiedIdentities(Vertx vertx, Settings settings) {
        cache = new VerifiedTokenCache<>(settings.maxEntries(), settings.enabled());
        stopSweeping = cache.sweepPeriodically(vertx);
    }

    @PreDestroy
    void stop() {
        stopSweeping.run();
    }

    public boolean enabled() {
        return cache.enabled();
    }

    /**
     * A new identity for this request from the verification of exactly this bearer token, if it was verified
     * before and has not expired; null otherwise (quarkus-oidc then verifies it in full).
     */
    SecurityIdentity rebuild(AccessTokenCredential credential, RoutingContext request, AuthenticationRequestContext context) {
        Template template = cache.lookup(credential.getToken());
        if (template == null) {
            return null;
        }
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(template.identity());
        for (String key : template.routingContextKeys()) {
            builder.addAttribute(key, request);
        }
        for (String key : template.requestContextKeys()) {
            builder.addAttribute(key, context);
        }
        return builder.addAttribute(FROM_CACHE, Boolean.TRUE).build();
    }

    /** Remembers an identity quarkus-oidc has just built from a verified bearer token (see the class comment). */
    void remember(SecurityIdentity identity) {
        if (!cache.enabled() || identity.isAnonymous() || identity.getAttribute(FROM_CACHE) != null
                || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return;
        }
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential == null || credential.isOpaque() || credential.getToken() == null
                || !credential.getToken().equals(jwt.getRawToken()) || jwt.containsClaim("cnf")) {
            return;
        }
        long exp = jwt.getExpirationTime();
        if (exp <= 0) {
            return;
        }
        cache.remember(credential.getToken(), template(identity), exp);
    }

    private static Template template(SecurityIdentity identity) {
        Set<String> routingContextKeys = new HashSet<>();
        Set<String> requestContextKeys = new HashSet<>();
        for (Map.Entry<String, Object> attribute : identity.getAttributes().entrySet()) {
            if (attribute.getValue() instanceof RoutingContext) {
                routingContextKeys.add(attribute.getKey());
            } else if (attribute.getValue() instanceof AuthenticationRequestContext) {
                requestContextKeys.add(attribute.getKey());
            }
        }
        // quarkus-oidc's own keys, even when a value was null this time: every rebuilt identity carries this request's.
        routingContextKeys.add(RoutingContext.class.getName());
        requestContextKeys.add(AuthenticationRequestContext.class.getName());
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(identity);
        routingContextKeys.forEach(key -> builder.addAttribute(key, null));
        requestContextKeys.forEach(key -> builder.addAttribute(key, null));
        return new Template(builder.build(), Set.copyOf(routingContextKeys), Set.copyOf(requestContextKeys));
    }
}
