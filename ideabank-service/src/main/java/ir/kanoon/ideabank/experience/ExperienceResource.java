package ir.kanoon.ideabank.experience;

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

/** Experiences of top entrepreneurs (Art. 3-8). */
@Path("/api/v1/experiences")
@Produces(MediaType.APPLICATION_JSON)
@DenyAll
@Tag(name = "experiences")
public class ExperienceResource {

    @Inject
    ExperienceService service;

    @POST
    @Idempotent
    @RolesAllowed({Roles.MEMBER, Roles.TRUSTEE, Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Write an experience (DRAFT): a member their own, the province's secretariat for a member (Idempotency-Key supported)")
    public Response create(@NotNull @Valid ExperienceForm form) {
        ExperienceView v = service.create(form);
        return Response.created(URI.create("/api/v1/experiences/" + v.id())).tag(ETags.tag(v.version())).entity(v).build();
    }

    @GET
    @RolesAllowed({Roles.APPLICANT, Roles.MEMBER, Roles.TRUSTEE, Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY,
            Roles.INTEGRATION, Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST})
    @Operation(summary = "Search experiences (PUBLISHED for everyone; drafts for their author and the province's staff); q Persian-folded")
    public Page<ExperienceView> list(@QueryParam("q") String q, @QueryParam("sector") String sector,
                                     @QueryParam("province") String province, @QueryParam("status") ExperienceStatus status,
                                     @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return service.list(q, sector, province, status, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.APPLICANT, Roles.MEMBER, Roles.TRUSTEE, Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY,
            Roles.INTEGRATION, Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST})
    public Response get(@PathParam("id") UUID id) {
        return ok(service.get(id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.MEMBER, Roles.TRUSTEE, Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Edit (the author, while DRAFT or RETURNED); If-Match")
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @NotNull @Valid ExperienceForm form) {
        return ok(service.update(id, ifMatch, form));
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed({Roles.MEMBER, Roles.TRUSTEE, Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Send for review (the author): DRAFT | RETURNED → IN_REVIEW; If-Match")
    public Response submit(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return ok(service.submit(id, ifMatch));
    }

    @POST
    @Path("/{id}/review")
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Publish or return (the province's secretariat, not the author): IN_REVIEW → PUBLISHED | RETURNED; If-Match")
    public Response review(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @NotNull @Valid ExperienceReview body) {
        return ok(service.review(id, ifMatch, body));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.MEMBER, Roles.TRUSTEE, Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY,
            Roles.INTEGRATION, Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST})
    @Operation(summary = "Audit history (author, the province's staff, ministry)")
    public List<HistoryView> history(@PathParam("id") UUID id) {
        return service.history(id);
    }

    private static Response ok(ExperienceView v) {
        return Response.ok(v).tag(ETags.tag(v.version())).build();
    }
}
