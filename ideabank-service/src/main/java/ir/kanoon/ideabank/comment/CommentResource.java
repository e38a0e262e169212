package ir.kanoon.ideabank.comment;

import ir.kanoon.platform.idempotency.Idempotent;
import ir.kanoon.platform.paging.Page;
import ir.kanoon.platform.paging.PageRequest;
import ir.kanoon.platform.security.Roles;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Members' comments and endorsements on PUBLIC and MEMBERS ideas. */
@Path("/api/v1/ideas/{id}")
@Produces(MediaType.APPLICATION_JSON)
@DenyAll
@Tag(name = "ideas")
public class CommentResource {

    @Inject
    CommentService service;

    @POST
    @Path("/comments")
    @Idempotent
    @RolesAllowed({Roles.MEMBER, Roles.TRUSTEE})
    @Operation(summary = "Comment on a PUBLIC idea, or a MEMBERS idea of one's own Association (Idempotency-Key supported)")
    public Response comment(@PathParam("id") UUID id, @NotNull @Valid CommentForm form) {
        return Response.status(201).entity(service.comment(id, form)).build();
    }

    @GET
    @Path("/comments")
    @RolesAllowed({Roles.APPLICANT, Roles.MEMBER, Roles.TRUSTEE, Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY,
            Roles.INTEGRATION, Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST})
    @Operation(summary = "Comments, oldest first (keyset paged), for those who may read the idea in full")
    public Page<CommentView> comments(@PathParam("id") UUID id, @QueryParam("limit") Integer limit,
                                      @QueryParam("cursor") String cursor) {
        return service.comments(id, PageRequest.of(limit, cursor));
    }

    @POST
    @Path("/endorsements")
    @RolesAllowed({Roles.MEMBER, Roles.TRUSTEE})
    @Operation(summary = "Endorse the idea (once per member; not one's own)")
    public Endorsements endorse(@PathParam("id") UUID id) {
        return service.endorse(id);
    }

    @GET
    @Path("/endorsements")
    @RolesAllowed({Roles.APPLICANT, Roles.MEMBER, Roles.TRUSTEE, Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY,
            Roles.INTEGRATION, Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST})
    @Operation(summary = "Number of endorsements, and whether the caller endorsed")
    public Endorsements endorsements(@PathParam("id") UUID id) {
        return service.endorsements(id);
    }
}
