package ir.kanoon.platform.province;

import ir.kanoon.platform.problem.Problems;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Shared reference data, served by every service so the gateway can route it to any of them. */
@Path("/api/v1/provinces")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Reference data")
public class ProvinceResource {

    @GET
    @Operation(summary = "The 31 provinces (ISO 3166-2:IR codes with English and Persian names)")
    public List<Province> list() {
        return Provinces.all();
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One province by code, e.g. IR-07")
    public Province get(@PathParam("code") String code) {
        return Provinces.byCode(code).orElseThrow(() -> Problems.notFound("province", code));
    }
}
