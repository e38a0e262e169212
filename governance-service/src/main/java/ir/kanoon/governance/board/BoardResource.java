package ir.kanoon.governance.board;

import ir.kanoon.platform.history.HistoryView;
import ir.kanoon.platform.idempotency.Idempotent;
import ir.kanoon.platform.jalali.JalaliDate;
import ir.kanoon.platform.paging.Page;
import ir.kanoon.platform.paging.PageRequest;
import ir.kanoon.platform.problem.Problems;
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
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The Board of Trustees of a province (Art. 6): its seats as of a day, and the path of each appointment —
 * nomination (R3, R4), approval (R3), the labour DG's introduction and the planning deputy's decree (R5), its end.
 * Class default {@code @DenyAll}: every method declares its roles; the service checks the province.
 */
@Path("/api/v1/boards/{province}")
@Produces(MediaType.APPLICATION_JSON)
@DenyAll
@Tag(name = "boards")
public class BoardResource {

    @Inject
    BoardService service;

    @GET
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY, Roles.TRUSTEE, Roles.MEMBER,
            Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST, Roles.INTEGRATION})
    @Operation(summary = "The Board of a province with its 11 seats and vacancies, as of today or ?at= (Jalali 1404-06-31 or ISO)")
    public BoardView get(@PathParam("province") String province, @QueryParam("at") String at) {
        return service.board(province, parseDay(at));
    }

    @GET
    @Path("/appointments")
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY, Roles.TRUSTEE, Roles.MEMBER,
            Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST, Roles.INTEGRATION})
    @Operation(summary = "Nominations and appointments of the Board (keyset paged)")
    public Page<AppointmentView> list(@PathParam("province") String province,
                                      @QueryParam("status") AppointmentStatus status,
                                      @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return service.list(province, status, PageRequest.of(limit, cursor));
    }

    @POST
    @Path("/appointments")
    @Idempotent
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Record a nomination to a seat (Idempotency-Key supported)",
            description = "FACULTY: nominated by the main university (R3); ENTREPRENEUR_EXPERT: nominated by the labour DG, "
                    + "who records it (R4); ex-officio seats record the office holder. 422 rule Art. 6 otherwise.")
    public Response nominate(@PathParam("province") String province, @NotNull @Valid NominationForm form) {
        AppointmentView v = service.nominate(province, form);
        return Response.created(URI.create("/api/v1/boards/" + province + "/appointments/" + v.id()))
                .tag(ETags.tag(v.version())).entity(v).build();
    }

    @GET
    @Path("/appointments/{id}")
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY, Roles.TRUSTEE, Roles.MEMBER,
            Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST, Roles.INTEGRATION})
    public Response getAppointment(@PathParam("province") String province, @PathParam("id") UUID id) {
        return ok(service.view(service.visible(province, id)));
    }

    @POST
    @Path("/appointments/{id}/approval")
    @RolesAllowed({Roles.PLANNING_DEPUTY, Roles.LABOUR_DG})
    @Operation(summary = "Approve a faculty nomination: the Board Chair or Secretary (R3, Art. 6); If-Match required")
    public Response approve(@PathParam("province") String province, @PathParam("id") UUID id,
                            @HeaderParam("If-Match") String ifMatch, @Valid StepForm form) {
        return ok(service.approve(province, id, ifMatch, form));
    }

    @POST
    @Path("/appointments/{id}/introduction")
    @RolesAllowed({Roles.LABOUR_DG})
    @Operation(summary = "The labour DG introduces the nominee for the decree (R5, Art. 6 Note 2); If-Match required")
    public Response introduce(@PathParam("province") String province, @PathParam("id") UUID id,
                              @HeaderParam("If-Match") String ifMatch, @Valid StepForm form) {
        return ok(service.introduce(province, id, ifMatch, form));
    }

    @POST
    @Path("/appointments/{id}/decree")
    @RolesAllowed({Roles.PLANNING_DEPUTY})
    @Operation(summary = "The province's planning deputy issues the decree; the trustee becomes active (R5, R2)",
            description = "403 for a planning deputy of another province; 409 rule Art. 6 when the seat type is full. If-Match required.")
    public Response decree(@PathParam("province") String province, @PathParam("id") UUID id,
                           @HeaderParam("If-Match") String ifMatch, @NotNull @Valid DecreeForm form) {
        return ok(service.decree(province, id, ifMatch, form));
    }

    @POST
    @Path("/appointments/{id}/end")
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY, Roles.MINISTRY_ADMIN})
    @Operation(summary = "End an active appointment: RESIGNED (recorded by the secretariat) or REVOKED (planning deputy); If-Match required")
    public Response end(@PathParam("province") String province, @PathParam("id") UUID id,
                        @HeaderParam("If-Match") String ifMatch, @NotNull @Valid EndForm form) {
        return ok(service.end(province, id, ifMatch, form));
    }

    @GET
    @Path("/appointments/{id}/history")
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY, Roles.TRUSTEE, Roles.MEMBER,
            Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST, Roles.INTEGRATION})
    @Operation(summary = "Audit history: nomination, approval, introduction, decree, term alert, end (who, when, document)")
    public List<HistoryView> history(@PathParam("province") String province, @PathParam("id") UUID id) {
        return service.history(province, id);
    }

    /** {@code ?at=} as Jalali ({@code 1404-06-31}) or ISO ({@code 2025-09-22}); years below 1700 are Jalali. */
    static LocalDate parseDay(String at) {
        if (at == null || at.isBlank()) {
            return null;
        }
        String s = at.strip();
        try {
            int year = Integer.parseInt(s.substring(0, s.indexOf('-')));
            return year < 1700 ? JalaliDate.parse(s).toLocalDate() : LocalDate.parse(s);
        } catch (RuntimeException e) {
            throw Problems.invalid("at", "date.invalid");
        }
    }

    private static Response ok(AppointmentView v) {
        return Response.ok(v).tag(ETags.tag(v.version())).build();
    }
}
