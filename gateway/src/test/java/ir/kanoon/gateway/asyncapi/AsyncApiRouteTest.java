package ir.kanoon.gateway.asyncapi;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import ir.kanoon.gateway.support.StubUpstreams;
import ir.kanoon.platform.testing.OidcTestResource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 12: every service's AsyncAPI document through the gateway (stub services as in OpenApiTest). */
@QuarkusTest
@QuarkusTestResource(OidcTestResource.class)
@QuarkusTestResource(StubUpstreams.class)
class AsyncApiRouteTest {

    @Test
    void eachServicesDocumentIsServedThroughTheGateway_withoutAToken() {
        for (String service : StubUpstreams.TABLE.keySet()) {
            given().get("/q/asyncapi/" + service).then().statusCode(200)
                    .contentType(containsString("application/yaml"))
                    .body(containsString("title: " + service))
                    .body(containsString("address: kanoon." + service + ".events"));
        }
    }

    @Test
    void indexListsEveryServicesDocument() {
        JsonPath index = given().get("/q/asyncapi").then().statusCode(200).contentType("application/json")
                .extract().jsonPath();
        for (String service : StubUpstreams.TABLE.keySet()) {
            assertEquals("/q/asyncapi/" + service, index.getString("services." + service));
        }
    }

    @Test
    void unknownServiceOrNoDocumentIs404_deadServiceIs503_asProblems() {
        given().header("Accept-Language", "en").get("/q/asyncapi/payroll").then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("/problems/not-found"));
        // flaky publishes no events: its 404 is passed on as a problem naming it
        given().get("/q/asyncapi/flaky").then().statusCode(404)
                .contentType("application/problem+json").body("service", equalTo("flaky"));
        given().get("/q/asyncapi/dead").then().statusCode(503)
                .contentType("application/problem+json").body("type", equalTo("/problems/service-unavailable"))
                .body("service", equalTo("dead"));
    }
}
