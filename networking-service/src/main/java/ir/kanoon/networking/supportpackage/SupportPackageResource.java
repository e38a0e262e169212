package ir.kanoon.networking.supportpackage;

import ir.kanoon.networking.support.Reason;
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

/** The catalogue of support packages (Art. 3-4). */
@Path("/api/v1/support-packages")
@Produces(MediaType.APPLICATION_JSON)
@DenyAll
@Tag(name = "support-packages")
public class SupportPackageResource {

    @Inject
    SupportPackageService service;

    @POST
    @Idempotent
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Add a package (DRAFT): ministry-admin nationally, a province's staff for their province")
    public Response create(@NotNull @Valid SupportPackageForm form) {
        SupportPackageView view = service.create(form);
        return Response.created(URI.create("/api/v1/support-packages/" + view.id())).tag(ETags.tag(view.version()))
                .entity(view).build();
    }

    @GET
    @RolesAllowed({Roles.APPLICANT, Roles.MEMBER, Roles.TRUSTEE, Roles.SECRETARIAT, Roles.LABOUR_DG,
            Roles.PLANNING_DEPUTY, Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST, Roles.INTEGRATION})
    @Operation(summary = "The catalogue (published; drafts for their managers); filters province, kind")
    public Page<SupportPackageView> list(@QueryParam("province") String province,
                                         @QueryParam("kind") SupportPackage.Kind kind,
                                         @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return service.list(province, kind, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/eligible")
    @RolesAllowed({Roles.MEMBER, Roles.TRUSTEE})
    @Operation(summary = "Packages I am eligible for today: my category (Art. 4), sector and province")
    public Page<SupportPackageView> eligible(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return service.eligible(PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.APPLICANT, Roles.MEMBER, Roles.TRUSTEE, Roles.SECRETARIAT, Roles.LABOUR_DG,
            Roles.PLANNING_DEPUTY, Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST, Roles.INTEGRATION})
    public Response get(@PathParam("id") UUID id) {
        return ok(service.get(id));
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Publish a draft")
    public Response publish(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return ok(service.publish(id, ifMatch));
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Withdraw a package from the catalogue")
    public Response withdraw(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                             @NotNull @Valid Reason body) {
        return ok(service.withdraw(id, ifMatch, body.reason()));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY, Roles.MINISTRY_ADMIN,
            Roles.MINISTRY_ANALYST})
    @Operation(summary = "Audit history of the package")
    public List<HistoryView> history(@PathParam("id") UUID id) {
        return service.history(id);
    }

    private static Response ok(SupportPackageView view) {
        return Response.ok(view).tag(ETags.tag(view.version())).build();
    }
}
