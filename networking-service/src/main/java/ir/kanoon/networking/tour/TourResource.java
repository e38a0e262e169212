package ir.kanoon.networking.tour;

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

/** Provincial and inter-provincial tours of entrepreneurial achievements (Art. 3-9). */
@Path("/api/v1/tours")
@Produces(MediaType.APPLICATION_JSON)
@DenyAll
@Tag(name = "tours")
public class TourResource {


    @Inject
    TourService service;

    @POST
    @Idempotent
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Plan a tour (DRAFT) in the caller's province (Idempotency-Key supported)")
    public Response create(@NotNull @Valid TourForm form) {
        TourView view = service.create(form);
        return Response.created(URI.create("/api/v1/tours/" + view.id())).tag(ETags.tag(view.version()))
                .entity(view).build();
    }

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.TRUSTEE, Roles.APPLICANT, Roles.SECRETARIAT, Roles.LABOUR_DG,
            Roles.PLANNING_DEPUTY, Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST, Roles.INTEGRATION})
    @Operation(summary = "Tours (keyset paged); drafts only for their host province's staff and ministry roles")
    public Page<TourView> list(@QueryParam("province") String province, @QueryParam("status") Tour.Status status,
                               @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return service.list(province, status, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MEMBER, Roles.TRUSTEE, Roles.APPLICANT, Roles.SECRETARIAT, Roles.LABOUR_DG,
            Roles.PLANNING_DEPUTY, Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST, Roles.INTEGRATION})
    public Response get(@PathParam("id") UUID id) {
        return ok(service.get(id));
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Publish a draft: registration opens at registrationOpens (host province's staff)")
    public Response publish(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return ok(service.publish(id, ifMatch));
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Cancel a draft or published tour (host province's staff)")
    public Response cancel(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid Reason body) {
        return ok(service.cancel(id, ifMatch, body.reason()));
    }

    @POST
    @Path("/{id}/complete")
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Record attendance and complete the tour (host province's staff, from its first day)")
    public Response complete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                             @NotNull @Valid AttendanceForm body) {
        return ok(service.complete(id, ifMatch, body));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY, Roles.MINISTRY_ADMIN,
            Roles.MINISTRY_ANALYST})
    @Operation(summary = "Audit history of the tour")
    public List<HistoryView> history(@PathParam("id") UUID id) {
        return service.history(id);
    }

    @POST
    @Path("/{id}/registrations")
    @Idempotent
    @RolesAllowed({Roles.MEMBER, Roles.TRUSTEE})
    @Operation(summary = "Register (active members; CONFIRMED while seats remain, else WAITLISTED in arrival order)")
    public Response register(@PathParam("id") UUID id) {
        RegistrationView view = service.register(id);
        return Response.created(URI.create("/api/v1/tours/" + id + "/registrations/" + view.id()))
                .tag(ETags.tag(view.version())).entity(view).build();
    }

    @GET
    @Path("/{id}/registrations")
    @RolesAllowed({Roles.MEMBER, Roles.TRUSTEE, Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY,
            Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST})
    @Operation(summary = "Registrations in arrival order (host staff and ministry: all; a member: their own)")
    public Page<RegistrationView> registrations(@PathParam("id") UUID id, @QueryParam("limit") Integer limit,
                                                @QueryParam("cursor") String cursor) {
        return service.registrations(id, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}/registrations/{registrationId}")
    @RolesAllowed({Roles.MEMBER, Roles.TRUSTEE, Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY,
            Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST})
    public Response registration(@PathParam("id") UUID id, @PathParam("registrationId") UUID registrationId) {
        RegistrationView view = service.registration(id, registrationId);
        return Response.ok(view).tag(ETags.tag(view.version())).build();
    }

    @POST
    @Path("/{id}/registrations/{registrationId}/cancel")
    @RolesAllowed({Roles.MEMBER, Roles.TRUSTEE, Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Cancel a registration (the registrant or host staff); a freed seat goes to the first waiting")
    public Response cancelRegistration(@PathParam("id") UUID id, @PathParam("registrationId") UUID registrationId,
                                       @HeaderParam("If-Match") String ifMatch) {
        RegistrationView view = service.cancelRegistration(id, registrationId, ifMatch);
        return Response.ok(view).tag(ETags.tag(view.version())).build();
    }

    private static Response ok(TourView view) {
        return Response.ok(view).tag(ETags.tag(view.version())).build();
    }
}
