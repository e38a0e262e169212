package ir.kanoon.platform.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem.HttpMethod;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The problem+json responses an operation can produce under the platform's conventions
 * ({@code shared/conventions.md}, HTTP API and Security), documented on every operation so a client
 * generator and a reader see the error shape ({@code Problem}, with {@code violations} and {@code rule}):
 *
 * <ul>
 *   <li>400: the operation takes parameters or a body (Bean Validation, JSON shape, unconvertible
 *       query/path/header values — {@code ProblemMapper});</li>
 *   <li>401, 403: the operation needs a token (it has a security requirement); 403 also for another
 *       province's data;</li>
 *   <li>404: the path names a resource by id ({@code {...}});</li>
 *   <li>409, 422: writes (POST, PUT, PATCH, DELETE) — rules of the directive, duplicates, concurrent updates,
 *       a reused Idempotency-Key;</li>
 *   <li>412, 428: the operation reads {@code If-Match} (stale or missing version, {@code ETags});</li>
 *   <li>500: every operation (a bug; only a correlation id is given).</li>
 * </ul>
 * A response the operation documents itself with a body is kept; one without a body (Quarkus adds
 * "Not Authorized"/"Not Allowed"/"Bad Request" without one) is replaced by the problem response.
 */
public final class ErrorResponses {

    public static final String PROBLEM_MEDIA_TYPE = "application/problem+json";
    public static final String PROBLEM_SCHEMA_REF = "#/components/schemas/Problem";

    /** A documented error: status, name of its {@code components/responses} entry, description. */
    public record Kind(String status, String name, String description) {
        public String ref() {
            return "#/components/responses/" + name;
        }
    }

    public static final Kind BAD_REQUEST = new Kind("400", "BadRequest",
            "Invalid request: `violations` names each invalid field (JSON path in the body, or the query/header parameter) and why.");
    public static final Kind UNAUTHORIZED = new Kind("401", "Unauthorized",
            "No valid bearer token (missing, expired, wrong issuer or audience).");
    public static final Kind FORBIDDEN = new Kind("403", "Forbidden",
            "The caller's roles do not allow this operation, or the data belongs to another province.");
    public static final Kind NOT_FOUND = new Kind("404", "NotFound",
            "No such resource (or one the caller may not know exists).");
    public static final Kind CONFLICT = new Kind("409", "Conflict",
            "The change conflicts with the current state: a rule of the directive (`rule` names the article), "
                    + "a duplicate, or a concurrent update.");
    public static final Kind PRECONDITION_FAILED = new Kind("412", "PreconditionFailed",
            "`If-Match` does not match the current `ETag`: the resource changed since it was read.");
    public static final Kind UNPROCESSABLE = new Kind("422", "UnprocessableContent",
            "The request is well-formed but breaks a rule (`rule` names the article), or reuses an "
                    + "`Idempotency-Key` for a different request.");
    public static final Kind PRECONDITION_REQUIRED = new Kind("428", "PreconditionRequired",
            "`If-Match` is required: send the `ETag` of the version you read.");
    public static final Kind SERVER_ERROR = new Kind("500", "ServerError",
            "A bug on our side: the body carries only a `correlationId` for support.");

    private static final Set<HttpMethod> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    private ErrorResponses() {
    }

    /** Which errors an operation can answer with, in status order. */
    public static List<Kind> of(String path, HttpMethod method, Operation operation, boolean secured,
                                List<Parameter> pathItemParameters) {
        Set<Kind> kinds = new LinkedHashSet<>();
        List<Parameter> parameters = new java.util.ArrayList<>();
        if (pathItemParameters != null) {
            parameters.addAll(pathItemParameters);
        }
        if (operation.getParameters() != null) {
            parameters.addAll(operation.getParameters());
        }
        if (!parameters.isEmpty() || operation.getRequestBody() != null) {
            kinds.add(BAD_REQUEST);
        }
        if (secured) {
            kinds.add(UNAUTHORIZED);
            kinds.add(FORBIDDEN);
        }
        if (path.contains("{")) {
            kinds.add(NOT_FOUND);
        }
        boolean write = WRITES.contains(method);
        if (write) {
            kinds.add(CONFLICT);
        }
        boolean ifMatch = parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.HEADER
                && "If-Match".equalsIgnoreCase(p.getName()));
        if (ifMatch) {
            kinds.add(PRECONDITION_FAILED);
        }
        if (write) {
            kinds.add(UNPROCESSABLE);
        }
        if (ifMatch) {
            kinds.add(PRECONDITION_REQUIRED);
        }
        kinds.add(SERVER_ERROR);
        return List.copyOf(kinds);
    }

    /**
     * Adds each kind to the operation as a {@code $ref} to {@code components/responses/<name>} (defining it
     * there once), unless the operation already documents that status with a body of its own.
     */
    public static void document(Operation operation, List<Kind> kinds, Components components) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        for (Kind kind : kinds) {
            APIResponse existing = responses.getAPIResponse(kind.status());
            if (existing != null && (existing.getRef() != null
                    || existing.getContent() != null && !existing.getContent().getMediaTypes().isEmpty())) {
                continue;
            }
            responses.addAPIResponse(kind.status(), OASFactory.createAPIResponse().ref(kind.ref()));
            if (components.getResponses() == null || !components.getResponses().containsKey(kind.name())) {
                components.addResponse(kind.name(), definition(kind));
            }
        }
        // in status order, as a reader scans them (Quarkus adds its 401/403 before the 200's siblings)
        java.util.Map<String, APIResponse> sorted = new java.util.TreeMap<>(responses.getAPIResponses());
        responses.setAPIResponses(new java.util.LinkedHashMap<>(sorted));
    }

    static APIResponse definition(Kind kind) {
        return OASFactory.createAPIResponse()
                .description(kind.description())
                .content(OASFactory.createContent().addMediaType(PROBLEM_MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA_REF))));
    }
}
