package ir.kanoon.membership.member;

import ir.kanoon.platform.history.HistoryView;
import ir.kanoon.membership.profile.Category;
import ir.kanoon.membership.profile.Sector;
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
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/**
 * The register of members (Art. 4) and the status changes the Board supervises (Art. 7). Every method
 * declares the roles that may call it (the class default is {@code @DenyAll}, so a new method is closed until
 * declared); the service then checks province, ownership and four eyes.
 */
@Path("/api/v1/members")
@Produces(MediaType.APPLICATION_JSON)
@DenyAll
@Tag(name = "members")
public class MemberResource {

    @Inject
    MemberService service;

    @GET
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY, Roles.TRUSTEE, Roles.MEMBER,
            Roles.INTEGRATION, Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST})
    @Operation(summary = "List members (keyset paged)",
            description = "Staff see their own province (province claim), members and trustees their own "
                    + "Association (member_province claim); ministry roles all or ?province=. "
                    + "q searches names, organisation and expertise, Persian-folded («كارآفريني» finds «کارآفرینی»).")
    public Page<MemberView> list(@QueryParam("province") String province,
                                 @QueryParam("category") Category category,
                                 @QueryParam("sector") Sector sector,
                                 @QueryParam("status") MemberStatus status,
                                 @QueryParam("expertise") String expertise,
                                 @QueryParam("q") String q,
                                 @QueryParam("limit") Integer limit,
                                 @QueryParam("cursor") String cursor) {
        return service.list(province, category, sector, status, expertise, q, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/stats")
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY, Roles.TRUSTEE, Roles.MEMBER,
            Roles.INTEGRATION, Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST})
    @Operation(summary = "Counts by category, sector and status (national totals for ministry roles)")
    public MemberStats stats(@QueryParam("province") String province) {
        return service.stats(province);
    }

    @GET
    @Path("/me")
    @RolesAllowed({Roles.APPLICANT, Roles.MEMBER, Roles.TRUSTEE, Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY})
    @Operation(summary = "The caller's own membership")
    @APIResponse(responseCode = "200", description = "The membership as it is now",
            headers = @Header(name = "ETag", description = "Version to send back as If-Match", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MemberView.class)))
    public Response me() {
        MemberView view = service.me();
        return Response.ok(view).tag(ETags.tag(view.version())).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.APPLICANT, Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY, Roles.TRUSTEE, Roles.MEMBER,
            Roles.INTEGRATION, Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST})
    @APIResponse(responseCode = "200", description = "The membership as it is now",
            headers = @Header(name = "ETag", description = "Version to send back as If-Match", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MemberView.class)))
    public Response get(@PathParam("id") UUID id) {
        return ok(service.read(id));
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({Roles.APPLICANT, Roles.MEMBER, Roles.TRUSTEE, Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY})
    @Operation(summary = "Update contact and evidence (the member or their province's secretariat)")
    @APIResponse(responseCode = "200", description = "The membership as it is now",
            headers = @Header(name = "ETag", description = "Version to send back as If-Match", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MemberView.class)))
    public Response patch(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                          @NotNull @Valid MemberPatch patch) {
        return ok(service.patch(id, ifMatch, patch));
    }

    @POST
    @Path("/{id}/suspend")
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG})
    @Operation(summary = "Suspend (Art. 7: on a Board resolution)")
    @APIResponse(responseCode = "200", description = "The membership as it is now",
            headers = @Header(name = "ETag", description = "Version to send back as If-Match", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MemberView.class)))
    public Response suspend(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                            @NotNull @Valid StatusChange body) {
        return ok(service.change(id, ifMatch, MemberAction.SUSPEND, body));
    }

    @POST
    @Path("/{id}/reinstate")
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG})
    @Operation(summary = "Reinstate a suspended member (Art. 7)")
    @APIResponse(responseCode = "200", description = "The membership as it is now",
            headers = @Header(name = "ETag", description = "Version to send back as If-Match", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MemberView.class)))
    public Response reinstate(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                              @NotNull @Valid StatusChange body) {
        return ok(service.change(id, ifMatch, MemberAction.REINSTATE, body));
    }

    @POST
    @Path("/{id}/terminate")
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG})
    @Operation(summary = "Terminate (final; Art. 7)")
    @APIResponse(responseCode = "200", description = "The membership as it is now",
            headers = @Header(name = "ETag", description = "Version to send back as If-Match", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MemberView.class)))
    public Response terminate(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                              @NotNull @Valid StatusChange body) {
        return ok(service.change(id, ifMatch, MemberAction.TERMINATE, body));
    }

    @POST
    @Path("/{id}/renew")
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG})
    @Operation(summary = "Renew for another term (an expired member becomes ACTIVE again; Art. 7)")
    @APIResponse(responseCode = "200", description = "The membership as it is now",
            headers = @Header(name = "ETag", description = "Version to send back as If-Match", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MemberView.class)))
    public Response renew(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                          @NotNull @Valid StatusChange body) {
        return ok(service.change(id, ifMatch, MemberAction.RENEW, body));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.APPLICANT, Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY, Roles.TRUSTEE, Roles.MEMBER,
            Roles.INTEGRATION, Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST})
    @Operation(summary = "Audit history: who changed what, when and why")
    public List<HistoryView> history(@PathParam("id") UUID id) {
        return service.history(id);
    }

    private static Response ok(MemberView view) {
        return Response.ok(view).tag(ETags.tag(view.version())).build();
    }

}
