package ir.kanoon.governance.report;

import ir.kanoon.platform.history.HistoryView;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Quarterly reports of a province to the Ministry, per Jalali quarter (Art. 6 Note 4, R12). */
@Path("/api/v1/reports/{province}/{jalaliYear}/{quarter}")
@DenyAll
@Tag(name = "reports")
public class ReportResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    ReportService service;

    @GET
    @Produces({MediaType.APPLICATION_JSON, XLSX})
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY, Roles.TRUSTEE, Roles.MINISTRY_ADMIN,
            Roles.MINISTRY_ANALYST, Roles.INTEGRATION})
    @Operation(summary = "The report of a Jalali quarter (quarter = Q1..Q4): JSON, or .xlsx by Accept or ?format=xlsx",
            description = "While DRAFT or RETURNED its figures are computed from the projections of the other services' "
                    + "events; from submission on they are the submitted ones. ETag for the writes.")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportView.class)),
            @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response get(@PathParam("province") String province, @PathParam("jalaliYear") int year,
                        @PathParam("quarter") String quarter, @QueryParam("format") String format,
                        @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        ReportView v = service.get(province, year, quarter);
        boolean xlsx = "xlsx".equalsIgnoreCase(format) || (format == null && accept != null && accept.contains(XLSX));
        if (format != null && !xlsx && !"json".equalsIgnoreCase(format)) {
            throw Problems.invalid("format", "format.unknown");
        }
        if (xlsx) {
            return Response.ok(ReportExport.xlsx(v), XLSX).header("Content-Disposition",
                    "attachment; filename=\"report-" + province + "-" + year + "-Q" + v.quarter() + ".xlsx\"").build();
        }
        return Response.ok(v, MediaType.APPLICATION_JSON).tag(ETags.tag(v.version())).build();
    }

    @PUT
    @Path("/narrative")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG})
    @Operation(summary = "The secretariat writes the narrative sections (DRAFT or RETURNED); If-Match required (\"0\" before the first write)")
    public Response narrative(@PathParam("province") String province, @PathParam("jalaliYear") int year,
                              @PathParam("quarter") String quarter, @HeaderParam("If-Match") String ifMatch,
                              @NotNull @Valid NarrativeForm form) {
        return ok(service.writeNarrative(province, year, quarter, ifMatch, form));
    }

    @POST
    @Path("/submission")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.LABOUR_DG})
    @Operation(summary = "The labour DG submits the report of an ended quarter (again after a return); If-Match required")
    public Response submit(@PathParam("province") String province, @PathParam("jalaliYear") int year,
                           @PathParam("quarter") String quarter, @HeaderParam("If-Match") String ifMatch) {
        return ok(service.submit(province, year, quarter, ifMatch));
    }

    @POST
    @Path("/review")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MINISTRY_ADMIN})
    @Operation(summary = "The Ministry accepts or returns a submitted report with comments; If-Match required")
    public Response review(@PathParam("province") String province, @PathParam("jalaliYear") int year,
                           @PathParam("quarter") String quarter, @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid ReviewForm form) {
        return ok(service.review(province, year, quarter, ifMatch, form));
    }

    @GET
    @Path("/history")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY, Roles.TRUSTEE, Roles.MINISTRY_ADMIN,
            Roles.MINISTRY_ANALYST, Roles.INTEGRATION})
    @Operation(summary = "Audit history of the report")
    public List<HistoryView> history(@PathParam("province") String province, @PathParam("jalaliYear") int year,
                                     @PathParam("quarter") String quarter) {
        return service.history(province, year, quarter);
    }

    private static Response ok(ReportView v) {
        return Response.ok(v).tag(ETags.tag(v.version())).build();
    }
}
