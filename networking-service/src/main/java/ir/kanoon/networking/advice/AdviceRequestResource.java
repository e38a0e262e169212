package ir.kanoon.networking.advice;

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

/** Questions to the Voice of the Advisor (Art. 3-11): NEW → ASSIGNED → ANSWERED → CLOSED. */
@Path("/api/v1/advice-requests")
@Produces(MediaType.APPLICATION_JSON)
@DenyAll
@Tag(name = "advice-requests")
public class AdviceRequestResource {

    @Inject
    AdviceService service;

    @POST
    @Idempotent
    @RolesAllowed({Roles.APPLICANT, Roles.MEMBER, Roles.TRUSTEE, Roles.SECRETARIAT, Roles.LABOUR_DG,
            Roles.PLANNING_DEPUTY})
    @Operation(summary = "Ask a question; it is matched at once by expertise, province and load (matchReason explains)")
    public Response ask(@NotNull @Valid QuestionForm form) {
        AdviceView view = service.ask(form);
        return Response.created(URI.create("/api/v1/advice-requests/" + view.id())).tag(ETags.tag(view.version()))
                .entity(view).build();
    }

    @GET
    @RolesAllowed({Roles.APPLICANT, Roles.MEMBER, Roles.TRUSTEE, Roles.SECRETARIAT, Roles.LABOUR_DG,
            Roles.PLANNING_DEPUTY, Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST})
    @Operation(summary = "Questions: staff their province, ministry all, others those they asked or advise on; overdue=true for SLA breaches")
    public Page<AdviceView> list(@QueryParam("province") String province,
                                 @QueryParam("status") AdviceRequest.Status status,
                                 @QueryParam("overdue") Boolean overdue,
                                 @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return service.list(province, status, overdue, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.APPLICANT, Roles.MEMBER, Roles.TRUSTEE, Roles.SECRETARIAT, Roles.LABOUR_DG,
            Roles.PLANNING_DEPUTY, Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST})
    public Response get(@PathParam("id") UUID id) {
        return ok(service.get(id));
    }

    @POST
    @Path("/{id}/answer")
    @RolesAllowed({Roles.MEMBER, Roles.TRUSTEE})
    @Operation(summary = "Answer (the assigned advisor); records whether it was within the SLA")
    public Response answer(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid AnswerForm body) {
        return ok(service.answer(id, ifMatch, body));
    }

    @POST
    @Path("/{id}/reassign")
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Match again, excluding the current advisor (the question's province staff)")
    public Response reassign(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                             @NotNull @Valid Reason body) {
        return ok(service.reassign(id, ifMatch, body.reason()));
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed({Roles.APPLICANT, Roles.MEMBER, Roles.TRUSTEE, Roles.SECRETARIAT, Roles.LABOUR_DG,
            Roles.PLANNING_DEPUTY})
    @Operation(summary = "Close an answered question with a rating 1–5 (the asker)")
    public Response close(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                          @NotNull @Valid CloseForm body) {
        return ok(service.close(id, ifMatch, body));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.APPLICANT, Roles.MEMBER, Roles.TRUSTEE, Roles.SECRETARIAT, Roles.LABOUR_DG,
            Roles.PLANNING_DEPUTY, Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST})
    @Operation(summary = "Audit history (assignments and why)")
    public List<HistoryView> history(@PathParam("id") UUID id) {
        return service.history(id);
    }

    private static Response ok(AdviceView view) {
        return Response.ok(view).tag(ETags.tag(view.version())).build();
    }
}
