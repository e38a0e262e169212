package ir.kanoon.ideabank.idea;

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
import java.util.Map;
import java.util.UUID;

/**
 * The ideas and inventions bank (Art. 3-6). Every method declares its roles (class default {@code @DenyAll});
 * the service then applies confidentiality, province scope (management acts are the province's secretariat's,
 * R13) and four eyes (nobody manages or reviews their own or their team's idea).
 */
@Path("/api/v1/ideas")
@Produces(MediaType.APPLICATION_JSON)
@DenyAll
@Tag(name = "ideas")
public class IdeaResource {

    @Inject
    IdeaService service;

    @POST
    @Idempotent
    @RolesAllowed({Roles.APPLICANT, Roles.MEMBER, Roles.TRUSTEE, Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY,
            Roles.MINISTRY_ADMIN})
    @Operation(summary = "Submit an idea, initiative or invention (Idempotency-Key supported)",
            description = "Any signed-in person (not read-only roles); the owner then finds likely duplicates with "
                    + "GET /ideas/{id}/similar.")
    public Response submit(@NotNull @Valid IdeaForm form) {
        IdeaView view = service.submit(form);
        return Response.created(URI.create("/api/v1/ideas/" + view.id())).tag(ETags.tag(view.version())).entity(view).build();
    }

    @GET
    @RolesAllowed({Roles.APPLICANT, Roles.MEMBER, Roles.TRUSTEE, Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY,
            Roles.INTEGRATION, Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST})
    @Operation(summary = "Search ideas (keyset paged)",
            description = "q is Persian-folded («كارآفريني» finds «کارآفرینی», with or without ZWNJ). REVIEWERS ideas are listed only "
                    + "to their owner and team, assigned reviewers, the province's staff and ministry roles; MEMBERS ideas "
                    + "show title and summary to people outside the province's Association.")
    public Page<IdeaView> list(@QueryParam("q") String q, @QueryParam("kind") IdeaKind kind, @QueryParam("stage") Stage stage,
                               @QueryParam("status") IdeaStatus status, @QueryParam("sector") String sector,
                               @QueryParam("province") String province, @QueryParam("supportSought") SupportKind supportSought,
                               @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return service.list(new IdeaService.Filter(q, kind, stage, status, sector, province, supportSought), PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/facets")
    @RolesAllowed({Roles.APPLICANT, Roles.MEMBER, Roles.TRUSTEE, Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY,
            Roles.INTEGRATION, Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST})
    @Operation(summary = "Facet counts (kind, stage, status, sector, province, support sought) of the ideas a search finds")
    public IdeaFacets facets(@QueryParam("q") String q, @QueryParam("kind") IdeaKind kind, @QueryParam("stage") Stage stage,
                             @QueryParam("status") IdeaStatus status, @QueryParam("sector") String sector,
                             @QueryParam("province") String province, @QueryParam("supportSought") SupportKind supportSought) {
        return service.facets(new IdeaService.Filter(q, kind, stage, status, sector, province, supportSought));
    }

    @GET
    @Path("/criteria")
    @RolesAllowed({Roles.APPLICANT, Roles.MEMBER, Roles.TRUSTEE, Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY,
            Roles.INTEGRATION, Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST})
    @Operation(summary = "Evaluation criteria and their weights (each scored 0..10)")
    public Map<String, Integer> criteria() {
        return service.criteria();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.APPLICANT, Roles.MEMBER, Roles.TRUSTEE, Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY,
            Roles.INTEGRATION, Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST})
    @Operation(summary = "An idea as the caller may see it (visibility FULL or SUMMARY; 404 for a REVIEWERS idea one may not see)")
    public Response get(@PathParam("id") UUID id) {
        return ok(service.get(id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.APPLICANT, Roles.MEMBER, Roles.TRUSTEE, Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY,
            Roles.MINISTRY_ADMIN})
    @Operation(summary = "Revise one's idea (SUBMITTED or NEEDS_REVISION; a revised NEEDS_REVISION idea is SUBMITTED again)")
    public Response revise(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @NotNull @Valid IdeaForm form) {
        return ok(service.revise(id, ifMatch, form));
    }

    @GET
    @Path("/{id}/similar")
    @RolesAllowed({Roles.APPLICANT, Roles.MEMBER, Roles.TRUSTEE, Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY,
            Roles.INTEGRATION, Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST})
    @Operation(summary = "The most similar ideas the caller may see, with a score (pg_trgm over Persian-folded title and summary)")
    public List<SimilarIdea> similar(@PathParam("id") UUID id, @QueryParam("limit") Integer limit) {
        return service.similar(id, limit);
    }

    @POST
    @Path("/{id}/status")
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Stage gate: SCREENING, UNDER_EVALUATION, or the decision ACCEPTED / REJECTED / NEEDS_REVISION with its reason",
            description = "The province's secretariat (R13). Evaluation needs a reviewer; a decision after evaluation needs every "
                    + "assigned review completed (Art. 9). The decision records who and why.")
    public Response status(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @NotNull @Valid StatusChange body) {
        return ok(service.changeStatus(id, ifMatch, body));
    }

    @POST
    @Path("/{id}/referral")
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Refer an accepted idea to an incubator, science and technology park, university, investor or the finance working group (Art. 3-15)")
    public Response refer(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @NotNull @Valid ReferralForm body) {
        return ok(service.refer(id, ifMatch, body));
    }

    @POST
    @Path("/{id}/merge")
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Merge this duplicate into its original (kept read-only, status MERGED, linked by mergedInto)")
    public Response merge(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @NotNull @Valid MergeForm body) {
        return ok(service.merge(id, ifMatch, body));
    }

    @POST
    @Path("/{id}/reviewers")
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Assign a reviewer from the province's ideas working group, or an outside expert (recorded as such)",
            description = "Needs If-Match of the idea. Nobody reviews their own or their team's idea (422, Art. 9).")
    public Response assign(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @NotNull @Valid AssignReviewer body) {
        ReviewView view = service.assign(id, ifMatch, body);
        return Response.status(201).entity(view).build();
    }

    @GET
    @Path("/{id}/reviews")
    @RolesAllowed({Roles.APPLICANT, Roles.MEMBER, Roles.TRUSTEE, Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY,
            Roles.INTEGRATION, Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST})
    @Operation(summary = "Reviews of the idea: all for the province's staff and ministry, one's own for a reviewer")
    public List<ReviewView> reviews(@PathParam("id") UUID id) {
        return service.reviews(id);
    }

    @POST
    @Path("/{id}/reviews")
    @RolesAllowed({Roles.APPLICANT, Roles.MEMBER, Roles.TRUSTEE, Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY,
            Roles.MINISTRY_ADMIN})
    @Operation(summary = "The assigned reviewer's scores (0..10 per configured criterion) and comment; the idea's weighted score follows")
    public ReviewView review(@PathParam("id") UUID id, @NotNull @Valid ReviewForm body) {
        return service.review(id, body);
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.APPLICANT, Roles.MEMBER, Roles.TRUSTEE, Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY,
            Roles.INTEGRATION, Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST})
    @Operation(summary = "Audit history (owner, reviewers, the province's staff, ministry)")
    public List<HistoryView> history(@PathParam("id") UUID id) {
        return service.history(id);
    }

    private static Response ok(IdeaView view) {
        return Response.ok(view).tag(ETags.tag(view.version())).build();
    }
}
