package ir.kanoon.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The service's AsyncAPI 3.0 document (class-path {@code asyncapi/asyncapi.yaml}, as served at
 * {@code /q/asyncapi}), checked against the CloudEvents a test really read from the topic
 * ({@link TopicReader}) — not against a list kept by hand beside the code, which can drift with it.
 *
 * <p>A message is matched by its {@code name} (the CloudEvents {@code type}); its payload schema is
 * followed through {@code $ref} and {@code allOf}, and the event must carry every {@code required} field
 * (at every level, {@code data} included) and, where a schema says {@code additionalProperties: false},
 * no field it does not list.
 */
public final class AsyncApiDocument {

    public static final String RESOURCE = "asyncapi/asyncapi.yaml";

    private final JsonNode root;

    private AsyncApiDocument(JsonNode root) {
        this.root = root;
    }

    public static AsyncApiDocument load() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return new AsyncApiDocument(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A document read elsewhere, e.g. the {@code /q/asyncapi} a running service serves (the e2e suite). */
    public static AsyncApiDocument parse(String yaml) {
        try {
            return new AsyncApiDocument(new ObjectMapper(new YAMLFactory()).readTree(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Message name (CloudEvents type) → payload schema, for every message in {@code components.messages}. */
    public Map<String, JsonNode> messages() {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        root.path("components").path("messages").forEach(m -> out.put(m.path("name").asText(), m.path("payload")));
        return out;
    }

    public Set<String> documentedTypes() {
        return new TreeSet<>(messages().keySet());
    }

    /** Fails naming every event whose type is undocumented or whose fields do not match its schema. */
    public void assertDocuments(Collection<JsonNode> emitted) {
        if (emitted.isEmpty()) {
            throw new AssertionError("no events were read: nothing to check against " + RESOURCE);
        }
        Map<String, JsonNode> messages = messages();
        List<String> problems = new ArrayList<>();
        for (JsonNode event : emitted) {
            String type = event.path("type").asText();
            JsonNode payload = messages.get(type);
            if (payload == null) {
                problems.add("type " + type + " is emitted but not documented");
                continue;
            }
            check(type, "", event, resolve(payload), problems);
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(String.join("\n", new TreeSet<>(problems)));
        }
    }

    /** Fails naming every documented type that none of {@code emitted} has: a document promising what never comes. */
    public void assertEveryTypeWasEmitted(Collection<JsonNode> emitted) {
        Set<String> missing = documentedTypes();
        emitted.forEach(e -> missing.remove(e.path("type").asText()));
        if (!missing.isEmpty()) {
            throw new AssertionError("documented in " + RESOURCE + " but not emitted by the scenario: " + missing);
        }
    }

    private void check(String type, String path, JsonNode value, JsonNode schema, List<String> problems) {
        if (!value.isObject() || !schema.has("properties")) {
            return;
        }
        JsonNode properties = schema.path("properties");
        schema.path("required").forEach(r -> {
            if (!value.has(r.asText()) || value.get(r.asText()).isNull() && !isNullable(resolve(properties.path(r.asText())))) {
                problems.add(type + " lacks required " + path + r.asText());
            }
        });
        for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!properties.has(name)) {
                if (schema.path("additionalProperties").isBoolean() && !schema.get("additionalProperties").asBoolean()) {
                    problems.add(type + " has undocumented field " + path + name);
                }
            } else {
                check(type, path + name + ".", value.get(name), resolve(properties.get(name)), problems);
            }
        }
    }

    private static boolean isNullable(JsonNode schema) {
        JsonNode t = schema.path("type");
        return schema.path("nullable").asBoolean(false) || t.isArray() && t.toString().contains("\"null\"");
    }

    /** Follows {@code $ref} and merges {@code allOf} into one object schema. */
    JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        while (s.has("$ref")) {
            s = at(s.get("$ref").asText());
        }
        if (!s.has("allOf")) {
            return s;
        }
        com.fasterxml.jackson.databind.node.ObjectNode merged = s.deepCopy();
        merged.remove("allOf");
        com.fasterxml.jackson.databind.node.ObjectNode props = merged.with("properties");
        com.fasterxml.jackson.databind.node.ArrayNode required = merged.withArray("required");
        for (JsonNode part : s.get("allOf")) {
            JsonNode r = resolve(part);
            r.path("properties").fields().forEachRemaining(f -> props.set(f.getKey(), f.getValue()));
            r.path("required").forEach(required::add);
        }
        return merged;
    }

    private JsonNode at(String ref) {
        if (!ref.startsWith("#/")) {
            throw new IllegalArgumentException("only local $ref are supported: " + ref);
        }
        JsonNode n = root;
        for (String part : ref.substring(2).split("/")) {
            n = n.path(part.replace("~1", "/").replace("~0", "~"));
        }
        if (n.isMissingNode()) {
            throw new IllegalStateException("unresolved $ref " + ref);
        }
        return n;
    }
}
