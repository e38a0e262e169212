package ir.kanoon.governance.programme;

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
import java.util.List;
import java.util.UUID;

/** The Association's activity plan: programmes tagged with the Art. 3 clauses they serve. */
@Path("/api/v1/programmes")
@Produces(MediaType.APPLICATION_JSON)
@DenyAll
@Tag(name = "programmes")
public class ProgrammeResource {

    @Inject
    ProgrammeService service;

    @POST
    @Idempotent
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG})
    @Operation(summary = "Add a programme to the province's plan (?province=; Idempotency-Key supported)")
    public Response create(@QueryParam("province") String province, @NotNull @Valid ProgrammeForm form) {
        ProgrammeView v = service.create(province, form);
        return Response.created(URI.create("/api/v1/programmes/" + v.id())).tag(ETags.tag(v.version())).entity(v).build();
    }

    @GET
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY, Roles.TRUSTEE, Roles.MEMBER,
            Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST, Roles.INTEGRATION})
    @Operation(summary = "Programmes (keyset paged), optionally of one Art. 3 clause (?clause=3-6)")
    public Page<ProgrammeView> list(@QueryParam("province") String province, @QueryParam("clause") String clause,
                                    @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return service.list(province, clause, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY, Roles.TRUSTEE, Roles.MEMBER,
            Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST, Roles.INTEGRATION})
    public Response get(@PathParam("id") UUID id) {
        ProgrammeView v = service.get(id);
        return Response.ok(v).tag(ETags.tag(v.version())).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG})
    @Operation(summary = "Update a programme (dates, status, progress, outputs); If-Match required")
    public Response replace(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                            @NotNull @Valid ProgrammeForm form) {
        ProgrammeView v = service.replace(id, ifMatch, form);
        return Response.ok(v).tag(ETags.tag(v.version())).build();
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY, Roles.TRUSTEE, Roles.MEMBER,
            Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST, Roles.INTEGRATION})
    @Operation(summary = "Audit history of the programme")
    public List<HistoryView> history(@PathParam("id") UUID id) {
        return service.history(id);
    }
}
