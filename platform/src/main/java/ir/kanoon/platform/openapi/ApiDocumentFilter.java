package ir.kanoon.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes every service's {@code /q/openapi} a document client generators accept (issue 7), without each
 * resource having to remember it:
 * <ol>
 *   <li>operationIds are unique — {@link OperationIds} derives them, and a document where two operations
 *       still share one (two resource classes with the same simple name, or a repeated explicit id) is
 *       refused here, loudly, naming both;</li>
 *   <li>each operation documents the problem+json errors it can answer with ({@link ErrorResponses});</li>
 *   <li>each operation says who may call it: the roles of its security requirement (Quarkus puts
 *       {@code @RolesAllowed} there) as {@code x-roles} and a sentence in its description;</li>
 *   <li>component schemas no operation reaches are dropped ({@link UnusedSchemas}).</li>
 * </ol>
 * Runs once, on the finished document, when the service starts.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class ApiDocumentFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        Map<String, List<String>> ids = new LinkedHashMap<>();
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().getOperations().entrySet()) {
                Operation operation = entry.getValue();
                String name = entry.getKey() + " " + path.getKey();
                if (operation.getOperationId() != null) {
                    ids.computeIfAbsent(operation.getOperationId(), k -> new ArrayList<>()).add(name);
                }
                List<SecurityRequirement> security = operation.getSecurity() != null
                        ? operation.getSecurity() : openAPI.getSecurity();
                boolean secured = security != null && security.stream()
                        .anyMatch(r -> r.getSchemes() != null && !r.getSchemes().isEmpty());
                documentRoles(operation, secured, security);
                ErrorResponses.document(operation,
                        ErrorResponses.of(path.getKey(), entry.getKey(), operation, secured, path.getValue().getParameters()),
                        components);
            }
        }
        List<String> repeated = new ArrayList<>();
        ids.forEach((id, users) -> {
            if (users.size() > 1) {
                repeated.add("'" + id + "' (" + String.join(", ", users) + ")");
            }
        });
        if (!repeated.isEmpty()) {
            throw new IllegalStateException("OpenAPI operationIds must be unique (client generators refuse the "
                    + "document otherwise); give one of each an explicit @Operation(operationId = ...): "
                    + String.join("; ", repeated));
        }
        UnusedSchemas.prune(openAPI);
    }

    /** The roles as {@code x-roles} and in words, so both a generator and a reader of Swagger UI see them. */
    static void documentRoles(Operation operation, boolean secured, List<SecurityRequirement> security) {
        Set<String> roles = new LinkedHashSet<>();
        if (security != null) {
            for (SecurityRequirement requirement : security) {
                if (requirement.getSchemes() != null) {
                    requirement.getSchemes().values().forEach(roles::addAll);
                }
            }
        }
        String who;
        if (!roles.isEmpty()) {
            operation.addExtension("x-roles", List.copyOf(roles));
            who = "Roles: " + String.join(", ", roles) + ".";
        } else if (secured) {
            who = "Any signed-in caller.";
        } else {
            who = "No token needed.";
        }
        String description = operation.getDescription();
        if (description == null || description.isBlank()) {
            operation.setDescription(who);
        } else if (!description.contains(who)) {
            operation.setDescription(description.strip() + "\n\n" + who);
        }
    }
}
