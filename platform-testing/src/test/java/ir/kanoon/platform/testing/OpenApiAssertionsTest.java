package ir.kanoon.platform.testing;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The validator every service runs on its OpenAPI document: it accepts a good one and names each defect of a bad one. */
class OpenApiAssertionsTest {

    /** A small document that follows every rule: unique ids, errors as problem+json, every component used. */
    static final String VALID = """
            {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
             "paths": {
               "/api/v1/things": {"get": {"operationId": "thingList",
                  "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ThingPage"}}}},
                                "401": {"$ref": "#/components/responses/Unauthorized"}},
                  "security": [{"jwt": ["secretariat"]}]}},
               "/api/v1/things/{id}": {"get": {"operationId": "thingGet",
                  "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
                  "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                                "404": {"description": "Not found", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}}},
             "components": {
               "schemas": {
                 "Thing": {"type": "object", "properties": {"name": {"type": "string", "examples": [{"$ref": "not a ref, an example"}]}}},
                 "ThingPage": {"type": "object", "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Thing"}}}},
                 "Problem": {"type": "object", "properties": {"violations": {"type": "array", "items": {"$ref": "#/components/schemas/Violation"}}}},
                 "Violation": {"type": "object"}},
               "responses": {
                 "Unauthorized": {"description": "No valid token", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}},
               "securitySchemes": {"jwt": {"type": "openIdConnect", "openIdConnectUrl": "https://keycloak.test/realms/kanoon/.well-known/openid-configuration"}}}}
            """;

    @Test
    void aDocumentFollowingEveryRuleHasNoProblems() {
        assertEquals(List.of(), OpenApiAssertions.problems(VALID));
        OpenApiAssertions.assertValid(VALID);
    }

    @Test
    void repeatedOperationIdsAreReported_asTheIssueFoundThem() {
        String doc = VALID.replace("\"thingGet\"", "\"thingList\"");
        List<String> problems = OpenApiAssertions.problems(doc);
        assertTrue(problems.contains("operationId 'thingList' is not unique: GET /api/v1/things, GET /api/v1/things/{id}"),
                problems::toString);
        // swagger-parser (what openapi-generator validate runs) reports it too
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("swagger-parser:") && p.contains("operationId")),
                problems::toString);
    }

    @Test
    void aMissingOperationIdIsReported() {
        List<String> problems = OpenApiAssertions.problems(VALID.replace("\"operationId\": \"thingGet\",", ""));
        assertTrue(problems.contains("GET /api/v1/things/{id} has no operationId"), problems::toString);
    }

    @Test
    void aDanglingRefIsReported() {
        String doc = VALID.replace("\"$ref\": \"#/components/schemas/Thing\"}}}},",
                "\"$ref\": \"#/components/schemas/Thingy\"}}}},");
        List<String> problems = OpenApiAssertions.problems(doc);
        assertTrue(problems.contains("unresolved $ref '#/components/schemas/Thingy' at "
                + "#/paths/~1api~1v1~1things~1{id}/get/responses/200/content/application~1json/schema"), problems::toString);
    }

    @Test
    void aComponentNoPathReachesIsReported_evenIfAnotherUnusedOneNamesIt() {
        // Problem only referenced from an unused response: both are unused (what the issue saw: Problem, Page unused)
        String doc = VALID.replace("\"401\": {\"$ref\": \"#/components/responses/Unauthorized\"}",
                "\"401\": {\"description\": \"No valid token\"}");
        List<String> problems = OpenApiAssertions.problems(doc);
        assertTrue(problems.contains("unused component #/components/responses/Unauthorized"), problems::toString);
        assertTrue(problems.contains("GET /api/v1/things documents no error response (4xx/5xx with "
                + "application/problem+json of schema #/components/schemas/Problem)"), problems::toString);
        String unusedSchema = VALID.replace("\"Violation\": {\"type\": \"object\"}",
                "\"Violation\": {\"type\": \"object\"}, \"Page\": {\"type\": \"object\"}");
        assertTrue(OpenApiAssertions.problems(unusedSchema).contains("unused component #/components/schemas/Page"));
        // Violation is used only through Problem: reachable, so not reported
        assertTrue(problems.stream().noneMatch(p -> p.contains("Violation")), problems::toString);
    }

    @Test
    void aSecurityRequirementNamingNoSchemeIsReported() {
        List<String> problems = OpenApiAssertions.problems(VALID.replace("[{\"jwt\": [", "[{\"SecurityScheme\": ["));
        assertTrue(problems.contains("security requirement names undeclared scheme 'SecurityScheme'"), problems::toString);
    }

    @Test
    void whatTheSpecForbidsIsReportedBySwaggerParser() {
        List<String> problems = OpenApiAssertions.problems(VALID.replace("\"info\": {\"title\": \"t\", \"version\": \"1\"},", ""));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("swagger-parser:") && p.contains("info")), problems::toString);
    }

    @Test
    void assertValidListsEveryProblemInOneFailure() {
        String doc = VALID.replace("\"thingGet\"", "\"thingList\"").replace("schemas/Thing\"}}}},", "schemas/Nope\"}}}},");
        AssertionError error = assertThrows(AssertionError.class, () -> OpenApiAssertions.assertValid(doc));
        assertTrue(error.getMessage().contains("operationId 'thingList' is not unique"), error.getMessage());
        assertTrue(error.getMessage().contains("unresolved $ref '#/components/schemas/Nope'"), error.getMessage());
    }

    @Test
    void yamlIsAcceptedToo() {
        String yaml = """
                openapi: 3.0.3
                info: {title: t, version: "1"}
                paths:
                  /x:
                    get:
                      operationId: x
                      responses:
                        "500": {description: bug, content: {application/problem+json: {schema: {$ref: "#/components/schemas/Problem"}}}}
                components:
                  schemas:
                    Problem: {type: object}
                """;
        assertEquals(List.of(), OpenApiAssertions.problems(yaml));
    }
}
