package ir.kanoon.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges the services' OpenAPI 3 documents into one, so a front-end team has one document for the
 * whole API — one a client generator accepts (issue 7). Pure function (no I/O) so it is testable on its own.
 *
 * <ul>
 *   <li>A service contributes only the paths under the resources it owns (every service serves
 *       {@code /api/v1/provinces}; one copy is enough, and the first owner of it wins).</li>
 *   <li>operationIds stay unique across services: each service's are unique in its own document (the
 *       platform sees to it), but two services may both have, say, {@code historyGet}. Every operation
 *       whose id another service also uses gets the service name in front ({@code governanceHistoryGet},
 *       {@code workgroupHistoryGet}) — all of them, not only the later ones, so an id does not depend on the
 *       order services are listed in. Renames are listed under {@code x-kanoon-renamed-operation-ids}.</li>
 *   <li>Components ({@code schemas}, {@code responses}, ...) are merged by name; the services share
 *       {@code platform}'s problem schemas, so equal names are usually equal content. A name a later service
 *       uses for different content is renamed for that service ({@code HistoryEntry} →
 *       {@code GovernanceHistoryEntry}) and that service's {@code $ref}s follow, so each path keeps the
 *       shape its service really answers with; renames are listed under {@code x-kanoon-merge-conflicts}.</li>
 *   <li>Every operation also documents what the gateway itself may answer (413, 429, 502, 503, 504), as
 *       problem+json.</li>
 *   <li>Services that could not be reached are listed under {@code x-kanoon-unavailable-services}.</li>
 * </ul>
 */
public final class OpenApiMerger {

    private final ObjectMapper json;

    public OpenApiMerger(ObjectMapper json) {
        this.json = json;
    }

    /**
     * @param documents service name → its document (insertion order = precedence)
     * @param ownedResources service name → the resources it owns
     */
    public ObjectNode merge(Map<String, JsonNode> documents, Map<String, Set<String>> ownedResources,
                            List<String> unavailable, String version) {
        ObjectNode merged = json.createObjectNode();
        String openapi = documents.values().stream().map(d -> d.path("openapi").asText(null))
                .filter(v -> v != null).findFirst().orElse("3.0.3");
        merged.put("openapi", openapi);
        ObjectNode info = merged.putObject("info");
        info.put("title", "Kanoon API");
        info.put("version", version);
        info.put("description", "All Kanoon services behind the gateway, merged from each service's /q/openapi.");
        merged.putArray("servers").addObject().put("url", "/");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");
        ArrayNode tags = merged.putArray("tags");
        Set<String> tagNames = new java.util.HashSet<>();
        ArrayNode security = null;
        ArrayNode conflicts = json.createArrayNode();

        Map<String, String> pathOwner = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : documents.entrySet()) {
            String service = entry.getKey();
            ObjectNode document = renameConflictingComponents(service, entry.getValue(), components, conflicts);
            Set<String> owned = ownedResources.getOrDefault(service, Set.of());
            Iterator<Map.Entry<String, JsonNode>> fields = document.path("paths").fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> path = fields.next();
                String resource = resourceOf(path.getKey());
                if (!owned.contains(resource) || paths.has(path.getKey())) {
                    continue;
                }
                JsonNode item = path.getValue();
                if (item instanceof ObjectNode object) {
                    object.put("x-kanoon-service", service);
                }
                paths.set(path.getKey(), item);
                pathOwner.put(path.getKey(), service);
            }
            Iterator<Map.Entry<String, JsonNode>> kinds = document.path("components").fields();
            while (kinds.hasNext()) {
                Map.Entry<String, JsonNode> kind = kinds.next();
                ObjectNode target = components.has(kind.getKey())
                        ? (ObjectNode) components.get(kind.getKey()) : components.putObject(kind.getKey());
                Iterator<Map.Entry<String, JsonNode>> named = kind.getValue().fields();
                while (named.hasNext()) {
                    Map.Entry<String, JsonNode> component = named.next();
                    if (!target.has(component.getKey())) {
                        target.set(component.getKey(), component.getValue());
                    }
                }
            }
            for (JsonNode tag : document.path("tags")) {
                if (tagNames.add(tag.path("name").asText())) {
                    tags.add(tag.deepCopy());
                }
            }
            if (security == null && document.path("security").isArray()) {
                security = (ArrayNode) document.get("security").deepCopy();
            }
        }
        dropUnreachableComponents(merged);
        ObjectNode renamed = uniqueOperationIds(paths, pathOwner);
        if (!renamed.isEmpty()) {
            merged.set("x-kanoon-renamed-operation-ids", renamed);
        }
        documentGatewayErrors(paths, components);
        if (security != null) {
            merged.set("security", security);
        }
        // report only renamed components that are still in the document (not those of paths left out)
        ArrayNode kept = json.createArrayNode();
        conflicts.forEach(c -> {
            if (!merged.at(c.get("ref").asText().substring(1)).isMissingNode()) {
                kept.add(c.get("text").asText());
            }
        });
        if (!kept.isEmpty()) {
            merged.set("x-kanoon-merge-conflicts", kept);
        }
        if (!unavailable.isEmpty()) {
            ArrayNode missing = merged.putArray("x-kanoon-unavailable-services");
            unavailable.forEach(missing::add);
        }
        return merged;
    }

    private static final List<String> HTTP_METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    /**
     * Prefixes with its service's name every operationId that operations of more than one service use;
     * returns service → {old id: new id}.
     */
    private ObjectNode uniqueOperationIds(ObjectNode paths, Map<String, String> pathOwner) {
        Map<String, Set<String>> servicesById = new LinkedHashMap<>();
        forEachOperation(paths, (path, operation) -> {
            String id = operation.path("operationId").asText("");
            if (!id.isEmpty()) {
                servicesById.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(pathOwner.get(path));
            }
        });
        ObjectNode renamed = json.createObjectNode();
        forEachOperation(paths, (path, operation) -> {
            String id = operation.path("operationId").asText("");
            if (servicesById.getOrDefault(id, Set.of()).size() > 1) {
                String service = pathOwner.get(path);
                String unique = camel(service) + Character.toUpperCase(id.charAt(0)) + id.substring(1);
                operation.put("operationId", unique);
                (renamed.has(service) ? (ObjectNode) renamed.get(service) : renamed.putObject(service)).put(id, unique);
            }
        });
        return renamed;
    }

    /** What the gateway itself answers, problem+json like the services (ProxyRoutes, UpstreamCalls). */
    private static final List<String[]> GATEWAY_ERRORS = List.of(
            new String[] {"413", "PayloadTooLarge", "The body is larger than the gateway accepts (kanoon.gateway.max-body-size)."},
            new String[] {"429", "TooManyRequests", "Rate limit of the gateway reached; retry after `Retry-After` seconds."},
            new String[] {"502", "BadGateway", "The service behind the gateway failed to answer properly."},
            new String[] {"503", "ServiceUnavailable", "The service behind the gateway is down or its circuit breaker is open; retry later."},
            new String[] {"504", "GatewayTimeout", "The service behind the gateway did not answer in time."});

    /**
     * Adds the gateway's own errors to every operation (413 only where there is a body to refuse), so the
     * merged document tells a client everything it can get back. Only when the services' {@code Problem}
     * schema is there to describe them.
     */
    private void documentGatewayErrors(ObjectNode paths, ObjectNode components) {
        if (!components.path("schemas").has("Problem")) {
            return;
        }
        ObjectNode responses = components.has("responses")
                ? (ObjectNode) components.get("responses") : components.putObject("responses");
        forEachOperation(paths, (path, operation) -> {
            ObjectNode documented = operation.get("responses") instanceof ObjectNode r ? r : operation.putObject("responses");
            for (String[] error : GATEWAY_ERRORS) {
                if (error[0].equals("413") && !operation.has("requestBody") || documented.has(error[0])) {
                    continue;
                }
                documented.putObject(error[0]).put("$ref", "#/components/responses/" + error[1]);
                if (!responses.has(error[1])) {
                    ObjectNode response = responses.putObject(error[1]).put("description", error[2]);
                    response.putObject("content").putObject("application/problem+json").putObject("schema")
                            .put("$ref", "#/components/schemas/Problem");
                }
            }
        });
    }

    private static void forEachOperation(ObjectNode paths, java.util.function.BiConsumer<String, ObjectNode> action) {
        paths.fields().forEachRemaining(path -> HTTP_METHODS.forEach(method -> {
            if (path.getValue().get(method) instanceof ObjectNode operation) {
                action.accept(path.getKey(), operation);
            }
        }));
    }

    /**
     * A copy of the service's document in which every component whose name the merged document already uses
     * for other content is renamed {@code <Service><Name>}, with the {@code $ref}s to it. Repeated until
     * nothing changes: renaming one schema changes the content of those that refer to it.
     */
    private ObjectNode renameConflictingComponents(String service, JsonNode document, ObjectNode merged, ArrayNode conflicts) {
        Map<String, String> renames = new LinkedHashMap<>(); // "#/components/kind/Name" -> "#/components/kind/ServiceName"
        while (true) {
            ObjectNode copy = (ObjectNode) document.deepCopy();
            rename(copy, renames);
            boolean changed = false;
            Iterator<Map.Entry<String, JsonNode>> kinds = copy.path("components").fields();
            while (kinds.hasNext()) {
                Map.Entry<String, JsonNode> kind = kinds.next();
                Iterator<Map.Entry<String, JsonNode>> named = kind.getValue().fields();
                while (named.hasNext()) {
                    Map.Entry<String, JsonNode> component = named.next();
                    JsonNode existing = merged.path(kind.getKey()).get(component.getKey());
                    String ref = "#/components/" + kind.getKey() + "/" + component.getKey();
                    if (existing != null && !existing.equals(component.getValue()) && !renames.containsValue(ref)) {
                        String name = camel(service);
                        name = Character.toUpperCase(name.charAt(0)) + name.substring(1) + component.getKey();
                        renames.put(ref, "#/components/" + kind.getKey() + "/" + name);
                        conflicts.add(json.createObjectNode().put("ref", "#/components/" + kind.getKey() + "/" + name)
                                .put("text", "components/" + kind.getKey() + "/" + component.getKey() + " (" + service
                                        + ") differs from another service's: renamed " + name));
                        changed = true;
                    }
                }
            }
            if (!changed) {
                return copy;
            }
        }
    }

    /**
     * Drops the components no kept path reaches: those of paths another service owns (a service's copy of
     * provinces) or of services that own nothing here. A generator would otherwise emit dead models.
     */
    private static void dropUnreachableComponents(ObjectNode merged) {
        ObjectNode components = (ObjectNode) merged.get("components");
        Set<String> reached = new java.util.HashSet<>();
        java.util.Deque<String> pending = new java.util.ArrayDeque<>();
        collectRefs(merged.get("paths"), pending);
        while (!pending.isEmpty()) {
            String ref = pending.pop();
            if (reached.add(ref) && ref.startsWith("#/")) {
                JsonNode target = merged.at(ref.substring(1));
                if (!target.isMissingNode()) {
                    collectRefs(target, pending);
                }
            }
        }
        components.fields().forEachRemaining(kind -> {
            if (!kind.getKey().equals("securitySchemes") && kind.getValue() instanceof ObjectNode named) {
                List<String> unused = new java.util.ArrayList<>();
                named.fieldNames().forEachRemaining(name -> {
                    if (!reached.contains("#/components/" + kind.getKey() + "/" + name)) {
                        unused.add(name);
                    }
                });
                named.remove(unused);
            }
        });
    }

    private static void collectRefs(JsonNode node, java.util.Deque<String> pending) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual()) {
                pending.push(ref.asText());
            }
            object.fields().forEachRemaining(field -> {
                // example values are data, not references
                if (!field.getKey().equals("example") && !(field.getKey().equals("examples") && field.getValue().isArray())) {
                    collectRefs(field.getValue(), pending);
                }
            });
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> collectRefs(child, pending));
        }
    }

    /** Applies the renames to the components' names and to every {@code $ref} in the document. */
    private static void rename(ObjectNode document, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return;
        }
        for (Map.Entry<String, String> rename : renames.entrySet()) {
            String[] from = rename.getKey().split("/");
            String[] to = rename.getValue().split("/");
            if (document.path("components").get(from[2]) instanceof ObjectNode kind && kind.has(from[3])) {
                kind.set(to[3], kind.remove(from[3]));
            }
        }
        rewriteRefs(document, renames);
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && renames.containsKey(ref.asText())) {
                object.put("$ref", renames.get(ref.asText()));
            }
            object.forEach(child -> rewriteRefs(child, renames));
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> rewriteRefs(child, renames));
        }
    }

    /** {@code support-packages} → {@code supportPackages}; service names are kebab-case config keys. */
    static String camel(String name) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : name.toCharArray()) {
            if (c == '-' || c == '_' || c == '.') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    static String resourceOf(String path) {
        String prefix = "/api/v1/";
        if (!path.startsWith(prefix)) {
            return "";
        }
        int end = path.indexOf('/', prefix.length());
        return end < 0 ? path.substring(prefix.length()) : path.substring(prefix.length(), end);
    }

    /** Preserves insertion order, which is the precedence order of {@link #merge}. */
    public static <K, V> Map<K, V> ordered() {
        return new LinkedHashMap<>();
    }
}
