package ir.kanoon.platform.asyncapi;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import ir.kanoon.platform.testing.KafkaTestResource;
import ir.kanoon.platform.testing.OidcTestResource;
import ir.kanoon.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

/** Every service built on the platform serves its AsyncAPI document at /q/asyncapi, without a token. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, parallel = true, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaTestResource.class, parallel = true, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = OidcTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AsyncApiResourceTest {

    @Test
    void theServicesDocumentIsServedPublicly() {
        given().get("/q/asyncapi").then().statusCode(200)
                .contentType(containsString("application/yaml"))
                .body(containsString("asyncapi: 3.0.0"))
                .body(containsString("ir.kanoon.platformtest.probe.noted.v1"));
    }
}
