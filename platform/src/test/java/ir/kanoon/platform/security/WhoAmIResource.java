package ir.kanoon.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * What a request's identity says, for the token-cache tests: {@link Caller}'s view, whether the identity came from
 * the cache, and a header read through the identity's own routing context (which must be this request's).
 */
@Path("/api/v1/probes/whoami")
public class WhoAmIResource {

    @Inject
    Caller caller;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed({Roles.SECRETARIAT, Roles.MEMBER, Roles.MINISTRY_ANALYST, Roles.MINISTRY_ADMIN})
    public Map<String, Object> whoami() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("subject", caller.subject());
        view.put("displayName", caller.displayName());
        view.put("roles", new TreeSet<>(caller.roles()));
        view.put("province", caller.province().orElse(""));
        view.put("memberProvince", caller.memberProvince().orElse(""));
        view.put("readOnly", caller.isReadOnly());
        view.put("cached", identity.getAttribute(VerifiedIdentities.FROM_CACHE) != null);
        RoutingContext request = identity.getAttribute(RoutingContext.class.getName());
        view.put("probe", request == null ? "" : String.valueOf(request.request().getHeader("X-Probe")));
        return view;
    }

    @POST
    @RolesAllowed(Roles.MINISTRY_ADMIN)
    public Map<String, Object> adminOnly() {
        return Map.of("subject", caller.subject());
    }
}
