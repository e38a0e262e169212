package ir.kanoon.membership.support;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.io.IOException;
import java.io.InputStream;

/** Serves {@code src/main/asyncapi/asyncapi.yaml} (packaged as {@code asyncapi/asyncapi.yaml}) at {@code /q/asyncapi}. */
@Path("/q/asyncapi")
public class AsyncApiResource {

    public static final String RESOURCE = "asyncapi/asyncapi.yaml";

    @GET
    @PermitAll
    @Produces("application/yaml")
    @Operation(hidden = true)
    public Response get() throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Response.status(404).build();
            }
            return Response.ok(in.readAllBytes()).build();
        }
    }
}
