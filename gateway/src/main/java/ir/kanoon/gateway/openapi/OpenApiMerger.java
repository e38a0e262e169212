package ir.kanoon.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges the services' OpenAPI 3 documents into one, so a front-end team has one document for the
 * whole API. Pure function (no I/O) so it is testable on its own.
 *
 * <ul>
 *   <li>A service contributes only the paths under the resources it owns (every service serves
 *       {@code /api/v1/provinces}; one copy is enough, and the first owner of it wins).</li>
 *   <li>Components ({@code schemas}, {@code responses}, {@code securitySchemes}, ...) are merged by name;
 *       the services share {@code platform}'s problem schemas, so equal names are usually equal content.
 *       A name used for different content keeps the first definition and is listed under
 *       {@code x-kanoon-merge-conflicts} rather than silently picking one.</li>
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

        for (Map.Entry<String, JsonNode> entry : documents.entrySet()) {
            String service = entry.getKey();
            JsonNode document = entry.getValue();
            Set<String> owned = ownedResources.getOrDefault(service, Set.of());
            Iterator<Map.Entry<String, JsonNode>> fields = document.path("paths").fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> path = fields.next();
                String resource = resourceOf(path.getKey());
                if (!owned.contains(resource) || paths.has(path.getKey())) {
                    continue;
                }
                JsonNode item = path.getValue().deepCopy();
                if (item instanceof ObjectNode object) {
                    object.put("x-kanoon-service", service);
                }
                paths.set(path.getKey(), item);
            }
            Iterator<Map.Entry<String, JsonNode>> kinds = document.path("components").fields();
            while (kinds.hasNext()) {
                Map.Entry<String, JsonNode> kind = kinds.next();
                ObjectNode target = components.has(kind.getKey())
                        ? (ObjectNode) components.get(kind.getKey()) : components.putObject(kind.getKey());
                Iterator<Map.Entry<String, JsonNode>> named = kind.getValue().fields();
                while (named.hasNext()) {
                    Map.Entry<String, JsonNode> component = named.next();
                    JsonNode existing = target.get(component.getKey());
                    if (existing == null) {
                        target.set(component.getKey(), component.getValue().deepCopy());
                    } else if (!existing.equals(component.getValue())) {
                        conflicts.add("components/" + kind.getKey() + "/" + component.getKey() + " (" + service + ")");
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
        if (security != null) {
            merged.set("security", security);
        }
        if (!conflicts.isEmpty()) {
            merged.set("x-kanoon-merge-conflicts", conflicts);
        }
        if (!unavailable.isEmpty()) {
            ArrayNode missing = merged.putArray("x-kanoon-unavailable-services");
            unavailable.forEach(missing::add);
        }
        return merged;
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
