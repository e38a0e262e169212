package ir.kanoon.platform.testing.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ir.kanoon.platform.testing.NationalIds;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A plausible JSON value for an OpenAPI schema: every property filled, enums by their first value, dates a month
 * ahead, {@code province} the given one, national IDs valid. Plausible, not guaranteed valid (a rule of the
 * directive may still refuse it): the matrix only needs a body that gets past JSON binding, and the hostile
 * generator mutates one field of it at a time, so that the field it broke is what the service must name.
 * A test gives exact values by field name ({@link #hint}) where a plausible one is not enough.
 */
public final class Samples {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final ApiDocument document;
    private final String province;
    private final Map<String, Object> hints = new HashMap<>();

    public Samples(ApiDocument document, String province) {
        this.document = document;
        this.province = province;
    }

    /** Use {@code value} for every property named {@code field} (case-insensitive). */
    public Samples hint(String field, Object value) {
        hints.put(field.toLowerCase(Locale.ROOT), value);
        return this;
    }

    public JsonNode of(JsonNode schema) {
        return of(null, schema, 0);
    }

    private JsonNode of(String name, JsonNode schema, int depth) {
        schema = document.resolve(schema);
        if (name != null && hints.containsKey(name.toLowerCase(Locale.ROOT))) {
            return ApiDocument.JSON.valueToTree(hints.get(name.toLowerCase(Locale.ROOT)));
        }
        if (schema == null || depth > 6) {
            return F.nullNode();
        }
        for (String combiner : new String[] {"allOf", "oneOf", "anyOf"}) {
            if (schema.has(combiner) && schema.get(combiner).size() > 0) {
                if (combiner.equals("allOf")) {
                    ObjectNode merged = F.objectNode();
                    for (JsonNode part : schema.get(combiner)) {
                        JsonNode v = of(name, part, depth + 1);
                        if (v.isObject()) {
                            merged.setAll((ObjectNode) v);
                        } else {
                            return v;
                        }
                    }
                    return merged;
                }
                return of(name, schema.get(combiner).get(0), depth + 1);
            }
        }
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(0);
        }
        String type = type(schema);
        String format = schema.path("format").asText("");
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        switch (type) {
            case "object": {
                ObjectNode o = F.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> p = it.next();
                    if (p.getValue().path("readOnly").asBoolean(false)) {
                        continue;
                    }
                    o.set(p.getKey(), of(p.getKey(), p.getValue(), depth + 1));
                }
                return o;
            }
            case "array": {
                ArrayNode a = F.arrayNode();
                String itemName = name;
                a.add(of(itemName, schema.path("items"), depth + 1));
                return a;
            }
            case "integer":
            case "number": {
                long min = schema.has("minimum") ? schema.get("minimum").asLong() : 1;
                if (lower.contains("year")) {
                    return F.numberNode(Math.max(min, 2015));
                }
                return F.numberNode(Math.max(min, 1));
            }
            case "boolean":
                return F.booleanNode(true);
            default:
                return F.textNode(string(lower, format, schema));
        }
    }

    private String string(String name, String format, JsonNode schema) {
        switch (format) {
            case "uuid": return UUID.randomUUID().toString();
            case "date": return LocalDate.now().plusDays(30).toString();
            case "date-time": return Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
            case "email": return "authz@example.ir";
            case "uri": case "url": return "https://example.ir/a";
            default: break;
        }
        if (name.contains("province")) {
            return province;
        }
        if (name.contains("nationalid")) {
            return NationalIds.random();
        }
        if (name.contains("mobile") || name.contains("phone")) {
            return "09121234567";
        }
        if (name.contains("email")) {
            return "authz@example.ir";
        }
        if (name.contains("url") || name.contains("link") || name.contains("website")) {
            return "https://example.ir/a";
        }
        if (name.contains("latin")) {
            return "Sample";
        }
        if (name.endsWith("date") || name.endsWith("on")) {
            return LocalDate.now().plusDays(30).toString();
        }
        int min = schema.path("minLength").asInt(0);
        String text = "نمونه آزمایشی";
        while (text.length() < min) {
            text = text + " نمونه";
        }
        if (schema.has("maxLength") && text.length() > schema.get("maxLength").asInt()) {
            text = "x".repeat(Math.max(min, 1));
        }
        return text;
    }

    static String type(JsonNode schema) {
        JsonNode t = schema.get("type");
        if (t == null) {
            return schema.has("properties") ? "object" : schema.has("items") ? "array" : "string";
        }
        if (t.isArray()) {
            for (JsonNode x : t) {
                if (!x.asText().equals("null")) {
                    return x.asText();
                }
            }
        }
        return t.asText();
    }
}
