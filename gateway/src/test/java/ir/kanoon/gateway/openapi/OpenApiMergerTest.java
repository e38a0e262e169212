package ir.kanoon.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ir.kanoon.platform.testing.OpenApiAssertions;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The merge on its own: ids unique across services, each service's own schemas, nothing dangling or unused. */
class OpenApiMergerTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode service(String resource, String historyProperty) throws Exception {
        return JSON.readTree("""
                {"openapi": "3.1.0", "info": {"title": "s", "version": "1"},
                 "paths": {
                   "/api/v1/RES/{id}/history": {"get": {"operationId": "historyGet",
                      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
                      "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/HistoryPage"}}}},
                                    "500": {"$ref": "#/components/responses/ServerError"}}}},
                   "/api/v1/provinces": {"get": {"operationId": "provinceList",
                      "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Province"}}}},
                                    "500": {"$ref": "#/components/responses/ServerError"}}}}},
                 "components": {
                   "schemas": {
                     "HistoryPage": {"type": "object", "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/HistoryEntry"}}}},
                     "HistoryEntry": {"type": "object", "properties": {"PROP": {"type": "string"}}},
                     "Province": {"type": "object"},
                     "Problem": {"type": "object"}},
                   "responses": {"ServerError": {"description": "bug", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}}
                """.replace("RES", resource).replace("PROP", historyProperty));
    }

    static ObjectNode merge() throws Exception {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        documents.put("governance", service("boards", "decree"));
        documents.put("working-group", service("meetings", "minutes"));
        Map<String, Set<String>> owned = Map.of("governance", Set.of("boards", "provinces"), "working-group", Set.of("meetings"));
        return new OpenApiMerger(JSON).merge(documents, owned, List.of(), "1");
    }

    @Test
    void repeatedOperationIdsOfDifferentServicesArePrefixedWithTheirService_all_notOnlyTheLater() throws Exception {
        ObjectNode merged = merge();
        assertEquals("governanceHistoryGet", merged.at("/paths/~1api~1v1~1boards~1{id}~1history/get/operationId").asText());
        assertEquals("workingGroupHistoryGet", merged.at("/paths/~1api~1v1~1meetings~1{id}~1history/get/operationId").asText());
        assertEquals("workingGroupHistoryGet", merged.at("/x-kanoon-renamed-operation-ids/working-group/historyGet").asText());
        // provinces is kept once, so its id is no duplicate and keeps its platform name
        assertEquals("provinceList", merged.at("/paths/~1api~1v1~1provinces/get/operationId").asText());
        OpenApiAssertions.assertValid(JSON.writeValueAsString(merged));
    }

    @Test
    void aSchemaNameTwoServicesUseForDifferentShapesIsRenamedForTheLater_withItsRefs() throws Exception {
        ObjectNode merged = merge();
        JsonNode schemas = merged.at("/components/schemas");
        assertTrue(schemas.at("/HistoryEntry/properties/decree").isObject());
        assertTrue(schemas.at("/WorkingGroupHistoryEntry/properties/minutes").isObject());
        // HistoryPage is equal text in both, but refers to a renamed schema: it is renamed too
        assertEquals("#/components/schemas/WorkingGroupHistoryEntry",
                schemas.at("/WorkingGroupHistoryPage/properties/items/items/$ref").asText());
        assertEquals("#/components/schemas/WorkingGroupHistoryPage",
                merged.at("/paths/~1api~1v1~1meetings~1{id}~1history/get/responses/200/content/application~1json/schema/$ref").asText());
        assertEquals("#/components/schemas/HistoryPage",
                merged.at("/paths/~1api~1v1~1boards~1{id}~1history/get/responses/200/content/application~1json/schema/$ref").asText());
        assertEquals(2, merged.get("x-kanoon-merge-conflicts").size(), merged.get("x-kanoon-merge-conflicts")::toString);
    }

    @Test
    void everyOperationDocumentsWhatTheGatewayItselfAnswers() throws Exception {
        ObjectNode merged = merge();
        JsonNode responses = merged.at("/paths/~1api~1v1~1meetings~1{id}~1history/get/responses");
        for (String status : List.of("429", "502", "503", "504")) {
            assertTrue(responses.has(status), status + " missing: " + responses);
        }
        assertFalse(responses.has("413"), "a GET has no body the gateway could refuse");
        assertEquals("#/components/schemas/Problem",
                merged.at("/components/responses/ServiceUnavailable/content/application~1problem+json/schema/$ref").asText());
    }

    @Test
    void componentsOnlyDroppedPathsUsedAreDropped() throws Exception {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        documents.put("governance", service("boards", "decree"));
        documents.put("networking", service("tours", "x"));
        ((ObjectNode) documents.get("networking").at("/components/schemas")).putObject("TourOnlyInProvinces");
        ((ObjectNode) documents.get("networking").at("/paths/~1api~1v1~1provinces/get/responses/200/content/application~1json/schema"))
                .put("$ref", "#/components/schemas/TourOnlyInProvinces");
        ObjectNode merged = new OpenApiMerger(JSON).merge(documents,
                Map.of("governance", Set.of("boards", "provinces"), "networking", Set.of()), List.of(), "1");
        assertFalse(merged.at("/components/schemas").has("TourOnlyInProvinces"));
        assertFalse(merged.at("/components/schemas").has("NetworkingHistoryEntry"));
        OpenApiAssertions.assertValid(JSON.writeValueAsString(merged));
    }
}
