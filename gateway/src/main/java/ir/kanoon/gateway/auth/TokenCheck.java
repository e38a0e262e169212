package ir.kanoon.gateway.auth;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Checks the bearer token with quarkus-oidc (issuer, audience {@code kanoon-api}, expiry, signature
 * against the realm's keys) before anything is forwarded. Authentication is not proactive
 * ({@code quarkus.http.auth.proactive=false}): the gateway asks for the identity only on protected
 * routes and turns a failure into its own problem+json 401, instead of Quarkus' bare challenge.
 * The token itself is forwarded unchanged; the services validate it again.
 */
@ApplicationScoped
public class TokenCheck {

    public sealed interface Outcome {
        record Accepted(Caller caller) implements Outcome { }
        /** No token at all. */
        record Missing() implements Outcome { }
        /** A token that failed validation. */
        record Rejected(String reason) implements Outcome { }
    }

    private static final BiConsumer<RoutingContext, Throwable> NO_DEFAULT_ANSWER = (ctx, failure) -> { };

    private final IdentityProviderManager identities;
    private final VerifiedTokens verified;
    /**
     * Tokens handed to quarkus-oidc for a full check (RS256 signature, issuer, audience, expiry): the
     * gateway's costly step, which a flood of forged tokens aims at. The limiter per address runs before
     * it, so rate-limited requests never move this counter.
     */
    private final Counter verifications;

    public TokenCheck(IdentityProviderManager identities, VerifiedTokens verified, MeterRegistry registry) {
        this.identities = identities;
        this.verified = verified;
        this.verifications = Counter.builder("kanoon.gateway.token.verifications")
                .description("Bearer tokens verified in full (signature check), i.e. not found in the cache of verified tokens")
                .register(registry);
    }

    /**
     * The caller of a bearer token verified before and not yet expired, without going through Mutiny:
     * the hot path for a front-end that sends the same token with every request. Null otherwise.
     */
    public Caller known(RoutingContext ctx) {
        String authorization = ctx.request().getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return verified.lookup(authorization.substring(7).trim());
    }

    public Uni<Outcome> check(RoutingContext ctx) {
        String authorization = ctx.request().getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Uni.createFrom().item(new Outcome.Missing());
        }
        String token = authorization.substring(7).trim();
        Caller known = verified.lookup(token);
        if (known != null) {
            return Uni.createFrom().item(new Outcome.Accepted(known));
        }
        // Quarkus would answer a failed lazy authentication itself (an empty 401) through this
        // handler; the gateway answers with a problem+json instead, in ProxyRoutes.
        ctx.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, NO_DEFAULT_ANSWER);
        verifications.increment();
        return QuarkusHttpUser.getSecurityIdentity(ctx, identities)
                .map(identity -> {
                    Outcome outcome = toOutcome(identity);
                    if (outcome instanceof Outcome.Accepted accepted
                            && identity.getPrincipal() instanceof JsonWebToken jwt) {
                        verified.remember(token, accepted.caller(), jwt.getExpirationTime());
                    }
                    return outcome;
                })
                .onFailure().recoverWithItem(failure -> new Outcome.Rejected(reason(failure)));
    }

    private static Outcome toOutcome(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return new Outcome.Missing();
        }
        String client = identity.getPrincipal().getName();
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            // sub identifies a person or (service-account-<id>) a client-credentials caller; azp
            // covers tokens minted without a subject.
            Object azp = jwt.getClaim("azp");
            client = jwt.getSubject() != null ? jwt.getSubject() : azp != null ? "client:" + azp : client;
        }
        return new Outcome.Accepted(new Caller(client, true));
    }

    private static String reason(Throwable failure) {
        return failure instanceof AuthenticationFailedException ? "invalid token" : failure.getClass().getSimpleName();
    }
}
