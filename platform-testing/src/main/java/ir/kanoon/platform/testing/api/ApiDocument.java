package ir.kanoon.platform.testing.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A service's {@code /q/openapi} read as the operations a client can call, with what the platform's
 * {@code ApiDocumentFilter} declares about each: its roles ({@code x-roles}), or "Any signed-in caller." /
 * "No token needed.". The authorisation matrix and the hostile-input generator both start here, so a new
 * endpoint is covered by both without anyone listing it.
 */
public final class ApiDocument {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    private final JsonNode root;
    private final List<ApiOperation> operations;

    private ApiDocument(JsonNode root) {
        this.root = root;
        this.operations = readOperations();
    }

    public static ApiDocument parse(String json) {
        try {
            return new ApiDocument(JSON.readTree(json));
        } catch (Exception e) {
            throw new IllegalArgumentException("not an OpenAPI JSON document", e);
        }
    }

    public List<ApiOperation> operations() {
        return operations;
    }

    /** Operations under {@code /api/} (the platform's shared {@code provinces} included). */
    public List<ApiOperation> apiOperations() {
        return operations.stream().filter(o -> o.path().startsWith("/api/")).toList();
    }

    /** Follows a local {@code $ref} ({@code #/components/...}); other nodes are returned as they are. */
    public JsonNode resolve(JsonNode node) {
        int hops = 0;
        while (node != null && node.has("$ref") && hops++ < 20) {
            String ref = node.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                return node;
            }
            JsonNode target = root;
            for (String part : ref.substring(2).split("/")) {
                target = target == null ? null : target.get(part.replace("~1", "/").replace("~0", "~"));
            }
            node = target;
        }
        return node;
    }

    private List<ApiOperation> readOperations() {
        List<ApiOperation> result = new ArrayList<>();
        JsonNode paths = root.path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            JsonNode item = path.getValue();
            for (String method : METHODS) {
                JsonNode op = item.get(method);
                if (op == null) {
                    continue;
                }
                List<ApiOperation.Param> pathParams = new ArrayList<>();
                List<ApiOperation.Param> queryParams = new ArrayList<>();
                List<ApiOperation.Param> headerParams = new ArrayList<>();
                List<JsonNode> params = new ArrayList<>();
                item.path("parameters").forEach(params::add);
                op.path("parameters").forEach(params::add);
                for (JsonNode raw : params) {
                    JsonNode p = resolve(raw);
                    ApiOperation.Param param = new ApiOperation.Param(p.path("name").asText(),
                            resolve(p.path("schema")), p.path("required").asBoolean(false));
                    switch (p.path("in").asText()) {
                        case "path" -> pathParams.add(param);
                        case "query" -> queryParams.add(param);
                        case "header" -> headerParams.add(param);
                        default -> { }
                    }
                }
                JsonNode body = resolve(op.get("requestBody"));
                String mediaType = null;
                JsonNode bodySchema = null;
                if (body != null) {
                    Iterator<String> types = body.path("content").fieldNames();
                    if (types.hasNext()) {
                        mediaType = types.next();
                        bodySchema = resolve(body.path("content").path(mediaType).path("schema"));
                    }
                }
                List<String> roles = new ArrayList<>();
                op.path("x-roles").forEach(r -> roles.add(r.asText()));
                String description = op.path("description").asText("");
                ApiOperation.Access access = !roles.isEmpty() ? ApiOperation.Access.ROLES
                        : description.contains("No token needed.") ? ApiOperation.Access.PUBLIC
                        : ApiOperation.Access.SIGNED_IN;
                result.add(new ApiOperation(method.toUpperCase(Locale.ROOT), path.getKey(),
                        op.path("operationId").asText(method + " " + path.getKey()), access, List.copyOf(roles),
                        pathParams, queryParams, headerParams, mediaType, bodySchema));
            }
        }
        return result;
    }
}
