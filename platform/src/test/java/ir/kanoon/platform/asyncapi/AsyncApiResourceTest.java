package ir.kanoon.platform.asyncapi;

import ir.kanoon.platform.testing.KanoonTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

/** Every service built on the platform serves its AsyncAPI document at /q/asyncapi, without a token. */
@KanoonTest
class AsyncApiResourceTest {

    @Test
    void theServicesDocumentIsServedPublicly() {
        given().get("/q/asyncapi").then().statusCode(200)
                .contentType(containsString("application/yaml"))
                .body(containsString("asyncapi: 3.0.0"))
                .body(containsString("ir.kanoon.platformtest.probe.noted.v1"));
    }
}
