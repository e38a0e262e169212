package ir.kanoon.governance.compliance;

import ir.kanoon.platform.problem.Problems;
import ir.kanoon.platform.province.Provinces;
import ir.kanoon.platform.security.Caller;
import ir.kanoon.platform.security.Roles;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

import java.util.List;

/**
 * Compliance with the directive per province and nationally (all rules; R2, R5, R6, R9, Art. 9). The national view
 * is what the Ministry's dashboards poll when they do not consume the topic: JSON, CSV or a spreadsheet.
 */
@Path("/api/v1/compliance")
@DenyAll
@Tag(name = "compliance")
public class ComplianceResource {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String CSV = "text/csv";

    @Inject
    ComplianceService service;
    @Inject
    Caller caller;

    @GET
    @Path("/{province}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY, Roles.TRUSTEE, Roles.MINISTRY_ADMIN,
            Roles.MINISTRY_ANALYST, Roles.INTEGRATION})
    @Operation(summary = "Each compliance check of a province with its status, article and facts")
    public ProvinceCompliance get(@PathParam("province") String province) {
        if (!Provinces.exists(province)) {
            throw Problems.notFound("province", province);
        }
        if (!caller.mayRead(province) && !(caller.hasRole(Roles.TRUSTEE) && caller.isMemberOf(province))) {
            throw Problems.forbidden("forbidden-province", province);
        }
        return service.evaluate(province);
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV, XLSX})
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST, Roles.INTEGRATION})
    @Operation(summary = "All 31 provinces at a glance (ministry roles): JSON, text/csv or .xlsx by Accept (or ?format=csv|xlsx)",
            description = "?status=OK|WARNING|VIOLATION keeps the provinces whose overall status is that one.")
    @APIResponse(responseCode = "200", description = "The provinces with each check", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = ProvinceCompliance.class)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response national(@QueryParam("status") CheckStatus status, @QueryParam("format") String format,
                             @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        if (!caller.isNational()) {
            throw Problems.forbidden("forbidden-province", "*");
        }
        List<ProvinceCompliance> all = service.national().stream()
                .filter(p -> status == null || p.status() == status).toList();
        String wanted = format != null ? format.strip().toLowerCase()
                : accept != null && accept.contains(XLSX) ? "xlsx"
                : accept != null && accept.contains(CSV) ? "csv" : "json";
        return switch (wanted) {
            case "csv" -> Response.ok(ComplianceExport.csv(all), CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"compliance.csv\"").build();
            case "xlsx" -> Response.ok(ComplianceExport.xlsx(all), XLSX)
                    .header("Content-Disposition", "attachment; filename=\"compliance.xlsx\"").build();
            case "json" -> Response.ok(all, MediaType.APPLICATION_JSON).build();
            default -> throw Problems.invalid("format", "format.unknown");
        };
    }
}
