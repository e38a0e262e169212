package ir.kanoon.workgroup.group;

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

/** Working groups of a province's Association (Art. 9) and their seats (Art. 9 Note 1). */
@Path("/api/v1/working-groups")
@Produces(MediaType.APPLICATION_JSON)
@DenyAll
@Tag(name = "working-groups")
public class WorkingGroupResource {


    @Inject
    GroupService service;

    @POST
    @Idempotent
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Form a working group (Art. 9, R10): on the members' proposal or a Board decision",
            description = "At most one ACTIVE group of each of the five types per province: a second is 409 naming Art. 9. "
                    + "Idempotency-Key supported.")
    public Response form(@NotNull @Valid GroupDtos.Form form) {
        GroupDtos.View v = service.form(form);
        return Response.created(URI.create("/api/v1/working-groups/" + v.id())).tag(ETags.tag(v.version()))
                .entity(v).build();
    }

    @GET
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY, Roles.TRUSTEE,
            Roles.MEMBER, Roles.INTEGRATION, Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST})
    @Operation(summary = "List working groups (keyset paged); staff see their province, people their Association")
    public Page<GroupDtos.View> list(@QueryParam("province") String province,
                                     @QueryParam("type") WorkingGroupType type,
                                     @QueryParam("status") GroupStatus status,
                                     @QueryParam("limit") Integer limit,
                                     @QueryParam("cursor") String cursor) {
        return service.list(province, type, status, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY, Roles.TRUSTEE,
            Roles.MEMBER, Roles.INTEGRATION, Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST})
    public Response get(@PathParam("id") UUID id) {
        GroupDtos.View v = GroupService.view(service.visible(id));
        return Response.ok(v).tag(ETags.tag(v.version())).build();
    }

    @POST
    @Path("/{id}/dissolve")
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Dissolve a working group (If-Match required)")
    public Response dissolve(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                             @NotNull @Valid GroupDtos.Dissolve body) {
        GroupDtos.View v = service.dissolve(id, ifMatch, body);
        return Response.ok(v).tag(ETags.tag(v.version())).build();
    }

    @GET
    @Path("/{id}/members")
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY, Roles.TRUSTEE,
            Roles.MEMBER, Roles.INTEGRATION, Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST})
    @Operation(summary = "Seats of the group: proposals and approved members (only APPROVED counts, R11)")
    public List<GroupDtos.SeatView> members(@PathParam("id") UUID id) {
        return service.seats(id);
    }

    @POST
    @Path("/{id}/members")
    @Idempotent
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Record the Board's proposal of a secretary or member (Art. 9 Note 1, R11)",
            description = "Only an active member of the province's Association or a trustee (local projection of "
                    + "membership and governance events); the seat counts only after the Board Secretary approves it.")
    public Response propose(@PathParam("id") UUID id, @NotNull @Valid GroupDtos.Proposal proposal) {
        GroupDtos.SeatView v = service.propose(id, proposal);
        return Response.created(URI.create("/api/v1/working-groups/" + id + "/members/" + v.id()))
                .tag(ETags.tag(v.version())).entity(v).build();
    }

    @POST
    @Path("/{id}/members/{seatId}/approve")
    @RolesAllowed({Roles.LABOUR_DG, Roles.MINISTRY_ADMIN})
    @Operation(summary = "The Board Secretary (labour-dg) approves a proposal (R11; If-Match of the seat)")
    public Response approve(@PathParam("id") UUID id, @PathParam("seatId") UUID seatId,
                            @HeaderParam("If-Match") String ifMatch, @Valid GroupDtos.Decision body) {
        GroupDtos.SeatView v = service.decide(id, seatId, ifMatch, true, body == null ? null : body.reason());
        return Response.ok(v).tag(ETags.tag(v.version())).build();
    }

    @POST
    @Path("/{id}/members/{seatId}/reject")
    @RolesAllowed({Roles.LABOUR_DG, Roles.MINISTRY_ADMIN})
    @Operation(summary = "The Board Secretary (labour-dg) rejects a proposal (If-Match of the seat)")
    public Response reject(@PathParam("id") UUID id, @PathParam("seatId") UUID seatId,
                           @HeaderParam("If-Match") String ifMatch, @Valid GroupDtos.Decision body) {
        GroupDtos.SeatView v = service.decide(id, seatId, ifMatch, false, body == null ? null : body.reason());
        return Response.ok(v).tag(ETags.tag(v.version())).build();
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY, Roles.TRUSTEE,
            Roles.MEMBER, Roles.INTEGRATION, Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST})
    @Operation(summary = "Audit history of the group and its seats")
    public List<HistoryView> history(@PathParam("id") UUID id) {
        return service.history(id);
    }
}
