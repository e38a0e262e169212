package ir.kanoon.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The check every service runs on its own {@code /q/openapi} (and the gateway on its merged document): the
 * document must be one a front-end team can generate a client from.
 *
 * <p>Two layers. First the document goes through swagger-parser, the parser {@code openapi-generator}
 * itself uses: every message it reports (a repeated operationId, a missing required field, an attribute
 * the spec does not allow, ...) is an error. Then the rules of {@code shared/conventions.md} that no
 * parser knows:
 * <ul>
 *   <li>every operation has an {@code operationId}, unique in the document (generators name methods by it);</li>
 *   <li>every local {@code $ref} resolves;</li>
 *   <li>every component is reachable from a path (an unused model is a sign that a response is undocumented,
 *       e.g. {@code Problem} defined but no operation says it answers with it);</li>
 *   <li>every operation documents its errors: at least one 4xx/5xx response with an
 *       {@code application/problem+json} body of schema {@code Problem};</li>
 *   <li>every security requirement names a declared security scheme.</li>
 * </ul>
 *
 * <pre>{@code
 * OpenApiAssertions.assertValid(given().accept("application/json").get("/q/openapi").asString());
 * }</pre>
 */
public final class OpenApiAssertions {

    public static final String PROBLEM_MEDIA_TYPE = "application/problem+json";
    public static final String PROBLEM_REF = "#/components/schemas/Problem";

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private OpenApiAssertions() {
    }

    /** Fails with every problem found (not only the first), so one run shows all that needs fixing. */
    public static void assertValid(String document) {
        List<String> problems = problems(document);
        if (!problems.isEmpty()) {
            throw new AssertionError("The OpenAPI document has " + problems.size() + " problem(s):\n  - "
                    + String.join("\n  - ", problems));
        }
    }

    /** Every problem of the document (JSON or YAML); empty when it is valid. */
    public static List<String> problems(String document) {
        List<String> problems = new ArrayList<>();
        ParseOptions options = new ParseOptions();
        options.setResolve(false); // validate the document as served, not a resolved copy
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document, null, options);
        if (parsed.getMessages() != null) {
            parsed.getMessages().forEach(m -> problems.add("swagger-parser: " + m));
        }
        if (parsed.getOpenAPI() == null && problems.isEmpty()) {
            problems.add("swagger-parser: not an OpenAPI 3 document");
        }
        JsonNode root;
        try {
            root = document.stripLeading().startsWith("{") ? JSON.readTree(document) : YAML.readTree(document);
        } catch (Exception e) {
            problems.add("not JSON or YAML: " + e.getMessage());
            return problems;
        }
        if (root == null || !root.isObject()) {
            problems.add("not a JSON/YAML object");
            return problems;
        }
        checkOperations(root, problems);
        checkReferences(root, problems);
        checkSecurity(root, problems);
        return problems;
    }

    private static void checkOperations(JsonNode root, List<String> problems) {
        Map<String, List<String>> operationIds = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                String id = op.getValue().path("operationId").asText("");
                if (id.isBlank()) {
                    problems.add(name + " has no operationId");
                } else {
                    operationIds.computeIfAbsent(id, k -> new ArrayList<>()).add(name);
                }
                if (!documentsProblem(root, op.getValue().path("responses"))) {
                    problems.add(name + " documents no error response (4xx/5xx with " + PROBLEM_MEDIA_TYPE
                            + " of schema " + PROBLEM_REF + ")");
                }
            }
        }
        operationIds.forEach((id, users) -> {
            if (users.size() > 1) {
                problems.add("operationId '" + id + "' is not unique: " + String.join(", ", users));
            }
        });
    }

    private static boolean documentsProblem(JsonNode root, JsonNode responses) {
        for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> response = it.next();
            if (!(response.getKey().startsWith("4") || response.getKey().startsWith("5"))) {
                continue;
            }
            JsonNode body = response.getValue();
            if (body.has("$ref")) {
                body = resolve(root, body.get("$ref").asText());
            }
            if (body != null && PROBLEM_REF.equals(body.path("content").path(PROBLEM_MEDIA_TYPE)
                    .path("schema").path("$ref").asText(null))) {
                return true;
            }
        }
        return false;
    }

    /** Local {@code $ref}s resolve, and every component is reached (transitively) from outside {@code components}. */
    private static void checkReferences(JsonNode root, List<String> problems) {
        ObjectNode outside = ((ObjectNode) root).deepCopy();
        outside.remove("components");
        Deque<String> pending = new ArrayDeque<>();
        collectRefs(outside, "#", root, problems, pending);
        Set<String> reached = new LinkedHashSet<>();
        while (!pending.isEmpty()) {
            String ref = pending.pop();
            if (reached.add(ref)) {
                JsonNode target = resolve(root, ref);
                if (target != null) {
                    collectRefs(target, ref, root, problems, pending);
                }
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> kinds = root.path("components").fields(); kinds.hasNext(); ) {
            Map.Entry<String, JsonNode> kind = kinds.next();
            if (kind.getKey().equals("securitySchemes")) {
                continue; // named by security requirements, not by $ref
            }
            for (Iterator<String> names = kind.getValue().fieldNames(); names.hasNext(); ) {
                String ref = "#/components/" + kind.getKey() + "/" + escape(names.next());
                if (!reached.contains(ref)) {
                    problems.add("unused component " + ref);
                }
            }
        }
    }

    private static void collectRefs(JsonNode node, String at, JsonNode root, List<String> problems, Deque<String> pending) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual()) {
                String target = ref.asText();
                if (target.startsWith("#")) {
                    if (resolve(root, target) == null) {
                        problems.add("unresolved $ref '" + target + "' at " + at);
                    } else {
                        pending.push(target);
                    }
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                // example values are data: a "$ref" key inside one is not a reference (a map of Example
                // Objects under "examples" is walked, as those may $ref components/examples)
                boolean data = field.getKey().equals("example")
                        || field.getKey().equals("examples") && field.getValue().isArray();
                if (!data) {
                    collectRefs(field.getValue(), at + "/" + escape(field.getKey()), root, problems, pending);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectRefs(node.get(i), at + "/" + i, root, problems, pending);
            }
        }
    }

    private static void checkSecurity(JsonNode root, List<String> problems) {
        JsonNode schemes = root.path("components").path("securitySchemes");
        List<JsonNode> requirements = new ArrayList<>();
        root.path("security").forEach(requirements::add);
        root.path("paths").forEach(item -> item.fields().forEachRemaining(op -> {
            if (METHODS.contains(op.getKey())) {
                op.getValue().path("security").forEach(requirements::add);
            }
        }));
        Set<String> missing = new LinkedHashSet<>();
        for (JsonNode requirement : requirements) {
            requirement.fieldNames().forEachRemaining(name -> {
                if (!schemes.has(name)) {
                    missing.add(name);
                }
            });
        }
        missing.forEach(name -> problems.add("security requirement names undeclared scheme '" + name + "'"));
    }

    private static JsonNode resolve(JsonNode root, String ref) {
        if (!ref.startsWith("#")) {
            return null;
        }
        try {
            JsonNode target = root.at(ref.substring(1));
            return target.isMissingNode() ? null : target;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
