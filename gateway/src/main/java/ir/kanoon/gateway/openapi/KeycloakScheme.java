package ir.kanoon.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Adds an {@code oauth2} security scheme for the Keycloak realm to the merged document, so Swagger UI's
 * "Authorize" can get a token by itself (issue 12): authorization code (+ PKCE, which Swagger UI is told
 * to use) for people via the public {@code web-app} client, client credentials for integrators such as
 * {@code gov-integration}. The services only declare the {@code bearer} scheme (a token pasted in);
 * every operation that accepts it accepts this one as an alternative — the same access token either way,
 * so the roles the services list under {@code bearer} still say who may call it.
 */
public final class KeycloakScheme {

    public static final String NAME = "keycloak";
    static final String BEARER = "bearer";

    private KeycloakScheme() {
    }

    /**
     * @param issuer the realm URL, e.g. {@code http://localhost:8180/realms/kanoon}; blank: nothing is added
     */
    public static void addTo(ObjectNode document, String issuer) {
        if (issuer == null || issuer.isBlank()) {
            return;
        }
        String realm = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        String endpoints = realm + "/protocol/openid-connect";
        ObjectNode components = document.get("components") instanceof ObjectNode c ? c : document.putObject("components");
        ObjectNode schemes = components.get("securitySchemes") instanceof ObjectNode s ? s : components.putObject("securitySchemes");
        ObjectNode scheme = schemes.putObject(NAME);
        scheme.put("type", "oauth2");
        scheme.put("description", "Sign in with the kanoon Keycloak realm (" + realm + "): people with authorization code"
                + " + PKCE through the public client web-app, integrations with client credentials (gov-integration)."
                + " The access token is the same bearer token the operations' roles apply to.");
        ObjectNode flows = scheme.putObject("flows");
        ObjectNode code = flows.putObject("authorizationCode");
        code.put("authorizationUrl", endpoints + "/auth");
        code.put("tokenUrl", endpoints + "/token");
        code.put("refreshUrl", endpoints + "/token");
        code.putObject("scopes").put("openid", "OpenID Connect sign-in");
        ObjectNode client = flows.putObject("clientCredentials");
        client.put("tokenUrl", endpoints + "/token");
        client.putObject("scopes");

        addAlternative(document.get("security"));
        for (JsonNode item : document.path("paths")) {
            for (String method : List.of("get", "put", "post", "delete", "options", "head", "patch", "trace")) {
                addAlternative(item.path(method).get("security"));
            }
        }
    }

    /** {@code [{"bearer": [roles]}]} → {@code [{"bearer": [roles]}, {"keycloak": []}]} (either one will do). */
    private static void addAlternative(JsonNode security) {
        if (!(security instanceof ArrayNode requirements)) {
            return;
        }
        boolean bearer = false;
        for (JsonNode requirement : requirements) {
            if (requirement.has(NAME)) {
                return;
            }
            bearer |= requirement.has(BEARER);
        }
        if (bearer) {
            requirements.addObject().putArray(NAME);
        }
    }
}
