package ir.kanoon.platform.openapi;

import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Drops component schemas that no operation reaches. SmallRye registers every class annotated
 * {@code @Schema(name = ...)} it scans, also when no endpoint uses it as such — a view unwrapped into others
 * with {@code @JsonUnwrapped}, the raw generic {@code Page} beside its concrete {@code Page<Item>} — and a
 * model nobody uses tells a client author that something is undocumented (issue 7: "the models ... are unused").
 */
final class UnusedSchemas {

    private static final String PREFIX = "#/components/schemas/";

    private final Map<String, Schema> components;
    private final Set<String> reached = new HashSet<>();
    private final Deque<String> pending = new ArrayDeque<>();

    private UnusedSchemas(Map<String, Schema> components) {
        this.components = components;
    }

    /** Removes the unreached schemas from {@code components} and returns their names. */
    static Set<String> prune(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null || components.getSchemas() == null) {
            return Set.of();
        }
        UnusedSchemas walk = new UnusedSchemas(components.getSchemas());
        if (openAPI.getPaths() != null) {
            for (PathItem item : openAPI.getPaths().getPathItems().values()) {
                walk.parameters(item.getParameters());
                for (Operation operation : item.getOperations().values()) {
                    walk.operation(operation);
                }
            }
        }
        // reusable responses, parameters, bodies and headers count only if used, but they are only ever
        // added when used (ErrorResponses) or by hand; walk them as roots rather than guess
        values(components.getResponses()).forEach(walk::response);
        walk.parameters(List.copyOf(values(components.getParameters())));
        values(components.getRequestBodies()).forEach(walk::requestBody);
        values(components.getHeaders()).forEach(walk::header);
        walk.drain();
        Set<String> unused = new HashSet<>(components.getSchemas().keySet());
        unused.removeAll(walk.reached);
        unused.forEach(components::removeSchema);
        return unused;
    }

    private static <T> Collection<T> values(Map<String, T> map) {
        return map == null ? List.of() : map.values();
    }

    private void operation(Operation operation) {
        parameters(operation.getParameters());
        requestBody(operation.getRequestBody());
        if (operation.getResponses() != null) {
            operation.getResponses().getAPIResponses().values().forEach(this::response);
        }
    }

    private void parameters(List<Parameter> parameters) {
        if (parameters != null) {
            for (Parameter parameter : parameters) {
                schema(parameter.getSchema());
                content(parameter.getContent());
            }
        }
    }

    private void requestBody(RequestBody body) {
        if (body != null) {
            content(body.getContent());
        }
    }

    private void response(APIResponse response) {
        if (response != null) {
            content(response.getContent());
            values(response.getHeaders()).forEach(this::header);
        }
    }

    private void header(Header header) {
        if (header != null) {
            schema(header.getSchema());
            content(header.getContent());
        }
    }

    private void content(Content content) {
        if (content != null && content.getMediaTypes() != null) {
            for (MediaType type : content.getMediaTypes().values()) {
                schema(type.getSchema());
            }
        }
    }

    /** Every schema nested in this one (properties, items, allOf, ...), through the model's generic view. */
    private void schema(Object node) {
        if (node instanceof Schema schema) {
            String ref = schema.getRef();
            if (ref != null && ref.startsWith(PREFIX)) {
                pending.push(ref.substring(PREFIX.length()));
            }
            schema.getAll().values().forEach(this::schema);
        } else if (node instanceof Collection<?> list) {
            list.forEach(this::schema);
        } else if (node instanceof Map<?, ?> map) {
            map.values().forEach(this::schema);
        }
    }

    private void drain() {
        while (!pending.isEmpty()) {
            String name = pending.pop();
            if (reached.add(name)) {
                schema(components.get(name));
            }
        }
    }
}
