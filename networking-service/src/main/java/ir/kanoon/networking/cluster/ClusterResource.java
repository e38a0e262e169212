package ir.kanoon.networking.cluster;

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

/** Economic clusters of a province (Art. 3-13). */
@Path("/api/v1/clusters")
@Produces(MediaType.APPLICATION_JSON)
@DenyAll
@Tag(name = "clusters")
public class ClusterResource {

    @Inject
    ClusterService service;

    @POST
    @Idempotent
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Create a cluster in the caller's province (Idempotency-Key supported)")
    public Response create(@NotNull @Valid ClusterForm form) {
        ClusterView view = service.create(form);
        return Response.created(URI.create("/api/v1/clusters/" + view.id())).tag(ETags.tag(view.version()))
                .entity(view).build();
    }

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.TRUSTEE, Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY,
            Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST, Roles.INTEGRATION})
    @Operation(summary = "Clusters (staff: own province; ministry: all; members: their Association)")
    public Page<ClusterView> list(@QueryParam("province") String province, @QueryParam("status") Cluster.Status status,
                                  @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return service.list(province, status, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MEMBER, Roles.TRUSTEE, Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY,
            Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST, Roles.INTEGRATION})
    public Response get(@PathParam("id") UUID id) {
        ClusterView view = service.get(id);
        return Response.ok(view).tag(ETags.tag(view.version())).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Replace name, value chain, status, member enterprises and partners (If-Match)")
    public Response replace(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                            @NotNull @Valid ClusterForm form) {
        ClusterView view = service.replace(id, ifMatch, form);
        return Response.ok(view).tag(ETags.tag(view.version())).build();
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY, Roles.MINISTRY_ADMIN,
            Roles.MINISTRY_ANALYST})
    @Operation(summary = "Audit history of the cluster")
    public List<HistoryView> history(@PathParam("id") UUID id) {
        return service.history(id);
    }
}
