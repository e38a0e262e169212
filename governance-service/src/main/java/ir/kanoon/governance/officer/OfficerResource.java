package ir.kanoon.governance.officer;

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

/** President and Secretary of the Association (Art. 8, R6). */
@Path("/api/v1/officers")
@Produces(MediaType.APPLICATION_JSON)
@DenyAll
@Tag(name = "officers")
public class OfficerResource {

    @Inject
    OfficerService service;

    @POST
    @Idempotent
    @RolesAllowed({Roles.LABOUR_DG})
    @Operation(summary = "The labour DG proposes an active trustee of a non-governmental seat for an office (R6; 422 rule Art. 8 otherwise)")
    public Response propose(@NotNull @Valid ProposalForm form) {
        OfficerView v = service.propose(form);
        return Response.created(URI.create("/api/v1/officers/" + v.id())).tag(ETags.tag(v.version())).entity(v).build();
    }

    @GET
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY, Roles.TRUSTEE, Roles.MEMBER,
            Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST, Roles.INTEGRATION})
    @Operation(summary = "Officers and proposals (keyset paged); staff see their province, ministry all, people their Association")
    public Page<OfficerView> list(@QueryParam("province") String province, @QueryParam("status") OfficerStatus status,
                                  @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return service.list(province, status, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY, Roles.TRUSTEE, Roles.MEMBER,
            Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST, Roles.INTEGRATION})
    public Response get(@PathParam("id") UUID id) {
        OfficerView v = service.get(id);
        return Response.ok(v).tag(ETags.tag(v.version())).build();
    }

    @POST
    @Path("/{id}/appointment")
    @RolesAllowed({Roles.PLANNING_DEPUTY})
    @Operation(summary = "The planning deputy appoints the proposed trustee (R6: one holder per office, one office per person); If-Match required")
    public Response appoint(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        OfficerView v = service.appoint(id, ifMatch);
        return Response.ok(v).tag(ETags.tag(v.version())).build();
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY, Roles.TRUSTEE, Roles.MEMBER,
            Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST, Roles.INTEGRATION})
    @Operation(summary = "Audit history of the officer")
    public List<HistoryView> history(@PathParam("id") UUID id) {
        return service.history(id);
    }
}
