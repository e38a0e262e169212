package ir.kanoon.gateway.support;

import io.restassured.RestAssured;
import org.eclipse.microprofile.config.ConfigProvider;

/** Talks to a stub service directly (not through the gateway), e.g. to count what reached it. */
public final class Stubs {

    private Stubs() {
    }

    public static String url(String service) {
        return ConfigProvider.getConfig().getValue("kanoon.gateway.services." + service + ".url", String.class);
    }

    public static int hits(String service) {
        return Integer.parseInt(RestAssured.given().baseUri(url(service)).get("/_stub/hits").asString());
    }

    public static void ready(String service, boolean up) {
        RestAssured.given().baseUri(url(service)).queryParam("up", up).get("/_stub/ready").then().statusCode(200);
    }

    /** Whether the stub serves its OpenAPI document (false: 503). */
    public static void openapi(String service, boolean up) {
        RestAssured.given().baseUri(url(service)).queryParam("up", up).get("/_stub/openapi").then().statusCode(200);
    }

    /** The gateway's management interface (health details, metrics), not the public port. */
    public static String management() {
        return "http://127.0.0.1:" + ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }
}
