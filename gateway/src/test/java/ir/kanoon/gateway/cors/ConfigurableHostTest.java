package ir.kanoon.gateway.cors;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import ir.kanoon.gateway.support.StubUpstreams;
import ir.kanoon.platform.testing.OidcTestResource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * Issue 12, mobile: with {@code kanoon.host} (env {@code KANOON_HOST}) set to the address a phone or an
 * emulator uses, dev servers on that host may call the API too — one property, the loopback names stay.
 */
@QuarkusTest
@TestProfile(ConfigurableHostTest.LanHost.class)
@QuarkusTestResource(OidcTestResource.class)
@QuarkusTestResource(StubUpstreams.class)
class ConfigurableHostTest {

    public static class LanHost implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kanoon.host", "192.168.1.5");
        }
    }

    @Test
    void devOriginsFollowTheConfiguredHost_andLoopbackStaysAllowed() {
        for (String origin : new String[] {"http://192.168.1.5:8100", "http://192.168.1.5:5173", "http://localhost:8100"}) {
            given().header("Origin", origin).header("Access-Control-Request-Method", "GET")
                    .options("/api/v1/members").then().statusCode(204).header("Access-Control-Allow-Origin", origin);
        }
        given().header("Origin", "http://192.168.1.6:8100").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/members").then().statusCode(403);
    }
}
