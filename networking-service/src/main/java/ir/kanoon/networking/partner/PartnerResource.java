package ir.kanoon.networking.partner;

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
import java.util.UUID;

/** Partners (Art. 3-3, 3-15, 3-17) with their engagement log; the philanthropists' community view. */
@Path("/api/v1/partners")
@Produces(MediaType.APPLICATION_JSON)
@DenyAll
@Tag(name = "partners")
public class PartnerResource {

    @Inject
    PartnerService service;

    @POST
    @Idempotent
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Register a partner of the province (its staff; Idempotency-Key supported)")
    public Response register(@NotNull @Valid PartnerForm form) {
        PartnerView view = service.register(form);
        return Response.created(URI.create("/api/v1/partners/" + view.id())).tag(ETags.tag(view.version()))
                .entity(view).build();
    }

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.TRUSTEE, Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY,
            Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST, Roles.INTEGRATION})
    @Operation(summary = "Partners (staff: own province; ministry: all; members: their Association, without contacts)")
    public Page<PartnerView> list(@QueryParam("province") String province, @QueryParam("kind") Partner.Kind kind,
                                  @QueryParam("q") String q, @QueryParam("limit") Integer limit,
                                  @QueryParam("cursor") String cursor) {
        return service.list(province, kind, q, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/philanthropists")
    @RolesAllowed({Roles.MEMBER, Roles.TRUSTEE, Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY,
            Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST, Roles.INTEGRATION})
    @Operation(summary = "The provincial philanthropists' community (Art. 3-17) with donation and pledge totals")
    public Page<PhilanthropistView> philanthropists(@QueryParam("province") String province,
                                                    @QueryParam("limit") Integer limit,
                                                    @QueryParam("cursor") String cursor) {
        return service.philanthropists(province, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MEMBER, Roles.TRUSTEE, Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY,
            Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST, Roles.INTEGRATION})
    public Response get(@PathParam("id") UUID id) {
        PartnerView view = service.get(id);
        return Response.ok(view).tag(ETags.tag(view.version())).build();
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY, Roles.MINISTRY_ADMIN,
            Roles.MINISTRY_ANALYST})
    @Operation(summary = "Audit history of the partner (staff of the province, ministry)")
    public java.util.List<ir.kanoon.platform.history.HistoryView> history(@PathParam("id") UUID id) {
        return service.history(id);
    }

    @POST
    @Path("/{id}/engagements")
    @Idempotent
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Log an engagement (MoU, event, meeting; donation or pledge for philanthropists, Art. 3-17)")
    public Response engage(@PathParam("id") UUID id, @NotNull @Valid EngagementForm form) {
        EngagementView view = service.engage(id, form);
        return Response.created(URI.create("/api/v1/partners/" + id + "/engagements")).entity(view).build();
    }

    @GET
    @Path("/{id}/engagements")
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY, Roles.MINISTRY_ADMIN,
            Roles.MINISTRY_ANALYST, Roles.INTEGRATION})
    @Operation(summary = "The engagement log (staff of the province, ministry)")
    public Page<EngagementView> engagements(@PathParam("id") UUID id, @QueryParam("limit") Integer limit,
                                            @QueryParam("cursor") String cursor) {
        return service.engagements(id, PageRequest.of(limit, cursor));
    }
}
