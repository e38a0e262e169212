package ir.kanoon.platform.asyncapi;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.io.IOException;
import java.io.InputStream;

/**
 * Serves the service's AsyncAPI 3.0 document (conventions: events) at {@code /q/asyncapi}, public like
 * {@code /q/openapi}. A service keeps it in {@code src/main/asyncapi/asyncapi.yaml} and packages it as
 * the class-path resource {@link #RESOURCE}; a service that publishes nothing answers 404.
 */
@Path("/q/asyncapi")
public class AsyncApiResource {

    public static final String RESOURCE = "asyncapi/asyncapi.yaml";

    private volatile byte[] document;

    @GET
    @PermitAll
    @Produces("application/yaml")
    @Operation(hidden = true)
    public Response get() throws IOException {
        byte[] body = document;
        if (body == null) {
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new NotFoundException(); // problem+json like every other 404
                }
                document = body = in.readAllBytes();
            }
        }
        return Response.ok(body).build();
    }
}
