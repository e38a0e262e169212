package ir.kanoon.membership.application;

import ir.kanoon.platform.history.HistoryView;
import ir.kanoon.platform.security.ETags;
import ir.kanoon.platform.security.Roles;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import ir.kanoon.membership.profile.Category;
import ir.kanoon.platform.idempotency.Idempotent;
import ir.kanoon.platform.paging.Page;
import ir.kanoon.platform.paging.PageRequest;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * Applications for membership (Art. 4) and the qualification decisions the Board supervises (Art. 7).
 * Every method declares the roles that may call it (a new method without a declaration is refused: the
 * class default is {@code @DenyAll}); the service then checks province, ownership and four eyes.
 */
@Path("/api/v1/applications")
@Produces(MediaType.APPLICATION_JSON)
@DenyAll
@Tag(name = "applications")
public class ApplicationResource {

    @Inject
    ApplicationService service;

    @POST
    @Idempotent
    @RolesAllowed({Roles.APPLICANT, Roles.MEMBER, Roles.TRUSTEE, Roles.SECRETARIAT, Roles.LABOUR_DG})
    @Operation(summary = "Apply for membership of a province's Association (Idempotency-Key supported)",
            description = "Under the caller's own verified national ID (token claim national_id); the province's "
                    + "secretariat or labour-dg may file on someone's behalf (recorded as filedBy).")
    @APIResponse(responseCode = "201", description = "The new application (a replayed Idempotency-Key returns the first answer)",
            headers = {@Header(name = "ETag", description = "Version to send back as If-Match", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Location", description = "URL of the new application", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApplicationView.class)))
    public Response submit(@NotNull @Valid ApplicationForm form) {
        ApplicationView view = service.submit(form);
        return Response.created(URI.create("/api/v1/applications/" + view.id())).tag(ETags.tag(view.version()))
                .entity(view).build();
    }

    @GET
    @RolesAllowed({Roles.APPLICANT, Roles.MEMBER, Roles.TRUSTEE, Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY,
            Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST})
    @Operation(summary = "List applications (keyset paged)",
            description = "Secretariat, labour-dg and the Board see their province; ministry roles all; applicants their own.")
    public Page<ApplicationView> list(@QueryParam("province") String province,
                                      @QueryParam("status") ApplicationStatus status,
                                      @QueryParam("category") Category category,
                                      @QueryParam("limit") Integer limit,
                                      @QueryParam("cursor") String cursor) {
        return service.list(province, status, category, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.APPLICANT, Roles.MEMBER, Roles.TRUSTEE, Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY,
            Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST})
    @APIResponse(responseCode = "200", description = "The application as it is now",
            headers = @Header(name = "ETag", description = "Version to send back as If-Match", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApplicationView.class)))
    public Response get(@PathParam("id") UUID id) {
        return ok(service.view(service.visible(id)));
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({Roles.APPLICANT, Roles.MEMBER, Roles.TRUSTEE, Roles.SECRETARIAT, Roles.LABOUR_DG})
    @Operation(summary = "The applicant edits their application (SUBMITTED, or NEEDS_INFO which goes back to SUBMITTED); If-Match required")
    @APIResponse(responseCode = "200", description = "The application as it is now",
            headers = @Header(name = "ETag", description = "Version to send back as If-Match", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApplicationView.class)))
    public Response edit(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                         @NotNull @Valid ApplicationForm form) {
        return ok(service.edit(id, ifMatch, form));
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed({Roles.APPLICANT, Roles.MEMBER, Roles.TRUSTEE, Roles.SECRETARIAT, Roles.LABOUR_DG})
    @Operation(summary = "The applicant (or the person whose verified national ID it was filed under) withdraws an open application; If-Match required")
    @APIResponse(responseCode = "200", description = "The application as it is now",
            headers = @Header(name = "ETag", description = "Version to send back as If-Match", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApplicationView.class)))
    public Response withdraw(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                             @Valid WithdrawRequest request) {
        return ok(service.withdraw(id, ifMatch, request));
    }

    @POST
    @Path("/{id}/review")
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG})
    @Operation(summary = "Start the review (secretariat or labour-dg of the province, not of their own case; Art. 7); If-Match required")
    @APIResponse(responseCode = "200", description = "The application as it is now",
            headers = @Header(name = "ETag", description = "Version to send back as If-Match", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApplicationView.class)))
    public Response review(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return ok(service.startReview(id, ifMatch));
    }

    @POST
    @Path("/{id}/decision")
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG})
    @Operation(summary = "Record the qualification decision under the Board's supervision (Art. 7)",
            description = "APPROVED admits the applicant as a member. APPROVED/REJECTED need the Board resolution reference.")
    @APIResponse(responseCode = "200", description = "The application as it is now",
            headers = @Header(name = "ETag", description = "Version to send back as If-Match", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApplicationView.class)))
    public Response decide(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid DecisionRequest request) {
        return ok(service.decide(id, ifMatch, request));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.APPLICANT, Roles.MEMBER, Roles.TRUSTEE, Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY,
            Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST})
    @Operation(summary = "Audit history of the application")
    public List<HistoryView> history(@PathParam("id") UUID id) {
        return service.history(id);
    }

    private static Response ok(ApplicationView view) {
        return Response.ok(view).tag(ETags.tag(view.version())).build();
    }
}
