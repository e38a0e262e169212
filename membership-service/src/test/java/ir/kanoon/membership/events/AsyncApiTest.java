package ir.kanoon.membership.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import ir.kanoon.membership.support.Events;
import ir.kanoon.platform.testing.KafkaTestResource;
import ir.kanoon.platform.testing.OidcTestResource;
import ir.kanoon.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static ir.kanoon.membership.support.Fixtures.admit;
import static ir.kanoon.membership.support.Fixtures.entrepreneur;
import static ir.kanoon.membership.support.Fixtures.nationalId;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every event type the service emits is documented in AsyncAPI, and what lands on Kafka has the documented shape. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, parallel = true, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaTestResource.class, parallel = true, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = OidcTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AsyncApiTest {

    @SuppressWarnings("unchecked")
    static Map<String, Object> document() throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("src/main/asyncapi/asyncapi.yaml"))) {
            return new Yaml().load(in);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> at(Map<String, Object> node, String... path) {
        Map<String, Object> n = node;
        for (String p : path) {
            n = (Map<String, Object>) n.get(p);
        }
        return n;
    }

    static Set<String> documentedTypes() throws Exception {
        return at(document(), "components", "messages").values().stream()
                .map(m -> (String) ((Map<?, ?>) m).get("name")).collect(Collectors.toSet());
    }

    @Test
    void everyEmittedTypeIsDocumented() throws Exception {
        Set<String> documented = documentedTypes();
        for (String type : MembershipEvents.ALL) {
            assertTrue(documented.contains(MembershipEvents.cloudEventType(type)), type + " is not in asyncapi.yaml");
        }
        assertEquals(MembershipEvents.ALL.size(), documented.size(), "asyncapi.yaml documents a type never emitted");
    }

    @Test
    void theDocumentIsServedAtQAsyncapi() {
        given().get("/q/asyncapi").then().statusCode(200).body(containsString("asyncapi: 3.0.0"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void eventsOnKafkaHaveTheDocumentedShape() throws Exception {
        String memberId = admit("asyncapi-shape", entrepreneur("IR-07", nationalId()));
        List<JsonNode> events = Events.readUntil(Duration.ofSeconds(20),
                seen -> !Events.about(seen, memberId).isEmpty());
        Set<String> documented = documentedTypes();
        Map<String, Object> schemas = at(document(), "components", "schemas");
        for (JsonNode event : events) {
            String type = event.path("type").asText();
            assertTrue(documented.contains(type), "undocumented type on Kafka: " + type);
            for (Object field : (List<Object>) at(schemas, "cloudEvent").get("required")) {
                assertFalse(event.path((String) field).isMissingNode(), type + " lacks " + field);
            }
            String dataSchema = type.contains(".member.") ? "memberData" : "applicationData";
            Set<String> allowed = at(schemas, dataSchema, "properties").keySet();
            Set<String> actual = new HashSet<>();
            event.path("data").fieldNames().forEachRemaining(actual::add);
            assertTrue(allowed.containsAll(actual), type + " has undocumented fields " + actual);
            assertTrue(actual.containsAll((List<String>) at(schemas, dataSchema).get("required")),
                    type + " lacks required data fields");
            assertFalse(actual.contains("nationalId") || actual.contains("mobile") || actual.contains("birthDate"));
        }
    }
}
