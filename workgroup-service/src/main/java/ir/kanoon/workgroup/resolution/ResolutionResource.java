package ir.kanoon.workgroup.resolution;

import ir.kanoon.platform.history.HistoryView;
import ir.kanoon.platform.paging.Page;
import ir.kanoon.platform.paging.PageRequest;
import ir.kanoon.platform.security.ETags;
import ir.kanoon.platform.security.Roles;
import ir.kanoon.workgroup.meeting.Body;
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

import java.util.List;
import java.util.UUID;

/** Resolutions (مصوبات) across meetings and their follow-up. */
@Path("/api/v1/resolutions")
@Produces(MediaType.APPLICATION_JSON)
@DenyAll
@Tag(name = "resolutions")
public class ResolutionResource {

    @Inject
    ResolutionService service;

    @GET
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY, Roles.TRUSTEE, Roles.MEMBER,
            Roles.INTEGRATION, Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST})
    @Operation(summary = "Resolutions across meetings (keyset paged)",
            description = "Filters: province, body, assignee, status (OVERDUE = unfinished past due), overdue, meetingId.")
    public Page<ResolutionDtos.View> list(@QueryParam("province") String province, @QueryParam("body") Body body,
                                          @QueryParam("assignee") String assignee,
                                          @QueryParam("status") ResolutionStatus status,
                                          @QueryParam("overdue") Boolean overdue,
                                          @QueryParam("meetingId") UUID meetingId,
                                          @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return service.list(province, body, assignee, status, overdue, meetingId, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY, Roles.TRUSTEE, Roles.MEMBER,
            Roles.INTEGRATION, Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST})
    public Response get(@PathParam("id") UUID id) {
        ResolutionDtos.View v = service.view(service.visible(id));
        return Response.ok(v).tag(ETags.tag(v.version())).build();
    }

    @POST
    @Path("/{id}/status")
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.MEMBER, Roles.TRUSTEE, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Follow-up status OPEN / IN_PROGRESS / DONE with an optional progress note (If-Match)")
    public Response status(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid ResolutionDtos.StatusChange change) {
        ResolutionDtos.View v = service.changeStatus(id, ifMatch, change);
        return Response.ok(v).tag(ETags.tag(v.version())).build();
    }

    @GET
    @Path("/{id}/notes")
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY, Roles.TRUSTEE, Roles.MEMBER,
            Roles.INTEGRATION, Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST})
    @Operation(summary = "Progress notes")
    public List<ResolutionDtos.Note> notes(@PathParam("id") UUID id) {
        return service.notes(id);
    }

    @POST
    @Path("/{id}/notes")
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.MEMBER, Roles.TRUSTEE, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Add a progress note")
    public Response addNote(@PathParam("id") UUID id, @NotNull @Valid ResolutionDtos.NoteForm form) {
        return Response.status(201).entity(service.addNote(id, form)).build();
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY, Roles.TRUSTEE, Roles.MEMBER,
            Roles.INTEGRATION, Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST})
    @Operation(summary = "Audit history")
    public List<HistoryView> history(@PathParam("id") UUID id) {
        return service.history(id);
    }
}
