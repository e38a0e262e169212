package ir.kanoon.gateway.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import ir.kanoon.platform.testing.OpenApiAssertions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class KeycloakSchemeTest {

    @Test
    void oauth2SchemeUsesTheIssuersEndpoints_andEveryBearerOperationAcceptsIt_documentStillValid() throws Exception {
        ObjectNode merged = new OpenApiMerger(OpenApiMergerTest.JSON).merge(
                Map.of("governance", OpenApiMergerTest.service("boards", "decree")),
                Map.of("governance", Set.of("boards", "provinces")), List.of(), "1");
        ((ObjectNode) merged.at("/paths/~1api~1v1~1boards~1{id}~1history/get")).putArray("security")
                .addObject().putArray("bearer").add("secretariat");
        ((ObjectNode) merged.get("components")).putObject("securitySchemes").putObject("bearer")
                .put("type", "http").put("scheme", "bearer");
        KeycloakScheme.addTo(merged, "http://192.168.1.5:8180/realms/kanoon/");
        assertEquals("http://192.168.1.5:8180/realms/kanoon/protocol/openid-connect/auth",
                merged.at("/components/securitySchemes/keycloak/flows/authorizationCode/authorizationUrl").asText());
        assertEquals("[{\"bearer\":[\"secretariat\"]},{\"keycloak\":[]}]",
                merged.at("/paths/~1api~1v1~1boards~1{id}~1history/get/security").toString());
        assertFalse(merged.at("/paths/~1api~1v1~1provinces/get").has("security"));
        OpenApiAssertions.assertValid(OpenApiMergerTest.JSON.writeValueAsString(merged));
        // twice (a cached document reused) adds nothing more
        KeycloakScheme.addTo(merged, "http://192.168.1.5:8180/realms/kanoon");
        assertEquals(2, merged.at("/paths/~1api~1v1~1boards~1{id}~1history/get/security").size());
    }
}
