package ir.kanoon.platform.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Remembers the identity quarkus-oidc has just built from a bearer token it verified, in {@link VerifiedIdentities}.
 * The highest priority makes it the first augmentor, so what is remembered is the identity exactly as the
 * verification established it; every other augmentor runs again on each rebuilt identity, as on an uncached one.
 * It returns the identity unchanged.
 */
@ApplicationScoped
public class RememberVerifiedIdentity implements SecurityIdentityAugmentor {

    private final VerifiedIdentities identities;

    public RememberVerifiedIdentity(VerifiedIdentities identities) {
        this.identities = identities;
    }

    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        identities.remember(identity);
        return Uni.createFrom().item(identity);
    }
}
