package ir.kanoon.governance.interest;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import ir.kanoon.platform.idempotency.Idempotent;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** The conflict-of-interest register of a trustee. */
@Path("/api/v1/boards/{province}/appointments/{id}/interests")
@Produces(MediaType.APPLICATION_JSON)
@DenyAll
@Tag(name = "boards")
public class InterestResource {

    @Inject
    InterestService service;

    @GET
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY, Roles.TRUSTEE, Roles.MEMBER,
            Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST, Roles.INTEGRATION})
    @Operation(summary = "The trustee's declared interests and annual confirmations")
    public InterestForms.Register get(@PathParam("province") String province, @PathParam("id") UUID id) {
        return service.register(province, id);
    }

    @POST
    @Idempotent
    @RolesAllowed({Roles.TRUSTEE, Roles.SECRETARIAT, Roles.LABOUR_DG})
    @Operation(summary = "Declare an interest (the trustee, or the secretariat on their behalf); Idempotency-Key supported")
    public Response declare(@PathParam("province") String province, @PathParam("id") UUID id,
                            @NotNull @Valid InterestForms.Declaration form) {
        return Response.status(Response.Status.CREATED).entity(service.declare(province, id, form)).build();
    }

    @POST
    @Path("/confirmation")
    @RolesAllowed({Roles.TRUSTEE, Roles.SECRETARIAT, Roles.LABOUR_DG})
    @Operation(summary = "The annual confirmation for a Jalali year, explicitly \"nothing to declare\" where so; once per year (409)")
    public InterestForms.Register confirm(@PathParam("province") String province, @PathParam("id") UUID id,
                                          @NotNull @Valid InterestForms.Confirmation form) {
        return service.confirm(province, id, form);
    }
}
