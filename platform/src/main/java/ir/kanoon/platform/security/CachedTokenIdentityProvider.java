package ir.kanoon.platform.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Asked before quarkus-oidc's identity provider (Quarkus tries providers by descending priority and moves on to
 * the next when one answers null): a bearer token verified before and not yet expired gets a new identity rebuilt
 * for this request from {@link VerifiedIdentities}; anything else answers null, so quarkus-oidc verifies it in full
 * (and {@link RememberVerifiedIdentity} remembers the result). A failure of quarkus-oidc is never cached: an
 * invalid token stays invalid on every request.
 */
@ApplicationScoped
public class CachedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private static final Uni<SecurityIdentity> NOT_CACHED = Uni.createFrom().nullItem();

    private final VerifiedIdentities identities;

    public CachedTokenIdentityProvider(VerifiedIdentities identities) {
        this.identities = identities;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Above quarkus-oidc's provider, which keeps the interface's default (SYSTEM_FIRST + 1). */
    @Override
    public int priority() {
        return SYSTEM_FIRST + 1000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!identities.enabled() || !(request.getToken() instanceof AccessTokenCredential credential)) {
            return NOT_CACHED;
        }
        RoutingContext routingContext = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routingContext == null) {
            return NOT_CACHED;
        }
        SecurityIdentity identity = identities.rebuild(credential, routingContext, context);
        return identity == null ? NOT_CACHED : Uni.createFrom().item(identity);
    }
}
