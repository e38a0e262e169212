package ir.kanoon.platform.testing.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/** One operation of a service's OpenAPI document, as {@link ApiDocument} read it. */
public record ApiOperation(String method, String path, String operationId, Access access, List<String> roles,
                           List<Param> pathParams, List<Param> queryParams, List<Param> headerParams,
                           String bodyMediaType, JsonNode bodySchema) {

    /** Who may call it, as the document declares (conventions, Security: an undeclared endpoint is a defect). */
    public enum Access { PUBLIC, SIGNED_IN, ROLES }

    public record Param(String name, JsonNode schema, boolean required) {
    }

    public boolean isRead() {
        return method.equals("GET");
    }

    public boolean readsIfMatch() {
        return headerParams.stream().anyMatch(p -> p.name().equalsIgnoreCase("If-Match"));
    }

    public boolean hasBody() {
        return bodyMediaType != null;
    }

    /** The path with its {@code {name}} parameters filled from {@code values} (missing ones from {@code fallback}). */
    public String fill(Map<String, String> values, String fallback) {
        String result = path;
        for (Param p : pathParams) {
            String v = values.getOrDefault(p.name(), fallback);
            result = result.replace("{" + p.name() + "}", v);
        }
        return result;
    }

    @Override
    public String toString() {
        return method + " " + path + " (" + operationId + ")";
    }
}
