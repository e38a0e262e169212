package ir.kanoon.networking.advice;

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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

/** Members who opted in to the Voice of the Advisor (Art. 3-11). */
@Path("/api/v1/advisors")
@Produces(MediaType.APPLICATION_JSON)
@DenyAll
@Tag(name = "advisors")
public class AdvisorResource {

    @Inject
    AdviceService service;

    @POST
    @Idempotent
    @RolesAllowed({Roles.MEMBER, Roles.TRUSTEE})
    @Operation(summary = "Opt in as an advisor (active members; expertise, weekly capacity, channels)")
    public Response optIn(@NotNull @Valid AdvisorForm form) {
        AdvisorView view = service.optIn(form);
        return Response.created(URI.create("/api/v1/advisors/" + view.id())).tag(ETags.tag(view.version()))
                .entity(view).build();
    }

    @GET
    @RolesAllowed({Roles.APPLICANT, Roles.MEMBER, Roles.TRUSTEE, Roles.SECRETARIAT, Roles.LABOUR_DG,
            Roles.PLANNING_DEPUTY, Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST, Roles.INTEGRATION})
    @Operation(summary = "Active advisors (filters province, expertise — Persian-folded)")
    public Page<AdvisorView> list(@QueryParam("province") String province, @QueryParam("expertise") String expertise,
                                  @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return service.advisors(province, expertise, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.APPLICANT, Roles.MEMBER, Roles.TRUSTEE, Roles.SECRETARIAT, Roles.LABOUR_DG,
            Roles.PLANNING_DEPUTY, Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST, Roles.INTEGRATION})
    public Response get(@PathParam("id") UUID id) {
        AdvisorView view = service.advisor(id);
        return Response.ok(view).tag(ETags.tag(view.version())).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.MEMBER, Roles.TRUSTEE})
    @Operation(summary = "Change my offer (or pause with active=false); the advisor themselves, If-Match")
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid AdvisorForm form) {
        AdvisorView view = service.update(id, ifMatch, form);
        return Response.ok(view).tag(ETags.tag(view.version())).build();
    }
}
