package ir.kanoon.networking.connection;

import ir.kanoon.platform.history.HistoryView;
import ir.kanoon.platform.idempotency.Idempotent;
import ir.kanoon.platform.paging.Page;
import ir.kanoon.platform.paging.PageRequest;
import ir.kanoon.platform.security.ETags;
import ir.kanoon.platform.security.Roles;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Introductions between members (Art. 3-7). Only the two parties see a request. */
@Path("/api/v1/connections")
@Produces(MediaType.APPLICATION_JSON)
@DenyAll
@Tag(name = "connections")
public class ConnectionResource {

    @Inject
    ConnectionService service;

    @POST
    @Idempotent
    @RolesAllowed({Roles.MEMBER, Roles.TRUSTEE})
    @Operation(summary = "Ask another member for an introduction (active members; daily cap; Idempotency-Key supported)")
    public Response request(@NotNull @Valid ConnectionForm form) {
        ConnectionView view = service.request(form);
        return Response.created(URI.create("/api/v1/connections/" + view.id())).tag(ETags.tag(view.version()))
                .entity(view).build();
    }

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.TRUSTEE})
    @Operation(summary = "My connections: requests I sent or received (direction=sent|received|all, status)")
    public Page<ConnectionView> mine(@QueryParam("direction") String direction,
                                     @QueryParam("status") ConnectionRequest.Status status,
                                     @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return service.mine(direction, status, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MEMBER, Roles.TRUSTEE})
    @Operation(summary = "One request (its parties only); the other party's contact details once ACCEPTED")
    public Response get(@PathParam("id") UUID id) {
        return ok(service.get(id));
    }

    @POST
    @Path("/{id}/accept")
    @RolesAllowed({Roles.MEMBER, Roles.TRUSTEE})
    @Operation(summary = "Accept (the member asked): both now see each other's shared contact details")
    public Response accept(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return ok(service.act(id, ifMatch, "accept"));
    }

    @POST
    @Path("/{id}/decline")
    @RolesAllowed({Roles.MEMBER, Roles.TRUSTEE})
    @Operation(summary = "Decline (the member asked)")
    public Response decline(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return ok(service.act(id, ifMatch, "decline"));
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed({Roles.MEMBER, Roles.TRUSTEE})
    @Operation(summary = "Withdraw (the requester, while PENDING)")
    public Response withdraw(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return ok(service.act(id, ifMatch, "withdraw"));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.MEMBER, Roles.TRUSTEE})
    @Operation(summary = "Audit history of the request (its parties only)")
    public List<HistoryView> history(@PathParam("id") UUID id) {
        return service.history(id);
    }

    private static Response ok(ConnectionView view) {
        return Response.ok(view).tag(ETags.tag(view.version())).build();
    }
}
