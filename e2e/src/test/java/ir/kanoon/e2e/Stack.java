package ir.kanoon.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static io.restassured.RestAssured.given;

/**
 * Addresses of the stack under test and how to get tokens from its Keycloak. The e2e pom starts its own stack
 * on its own ports (e2e/pom.xml) and passes them as system properties; the defaults are the developer stack's.
 */
final class Stack {

    static final String KEYCLOAK = System.getProperty("kanoon.keycloak", "http://localhost:8180");
    static final String REALM = KEYCLOAK + "/realms/kanoon";
    static final String TOKEN_ENDPOINT = REALM + "/protocol/openid-connect/token";
    static final String GATEWAY = System.getProperty("kanoon.gateway", "http://localhost:8080");
    /** The gateway's port; the services listen on the next five (deploy/local/kanoon, KANOON_HTTP_PORT_BASE). */
    static final int HTTP_PORT_BASE = Integer.getInteger("kanoon.http.base", 8080);
    static final String JDBC = System.getProperty("kanoon.jdbc", "jdbc:postgresql://localhost:15432/");
    static final String KAFKA = System.getProperty("kanoon.kafka", "localhost:9092");
    /** Where the launcher keeps every process's log (kept after a failure). */
    static final String LOGS = System.getProperty("kanoon.logs", "deploy/local/.work/logs");
    static final String DEMO_PASSWORD = "kanoon";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Stack() {
    }

    /** The README's demo-user token: password grant through the public {@code web-app} client. */
    static Response passwordGrant(String username, String password) {
        return given().formParam("grant_type", "password").formParam("client_id", "web-app")
                .formParam("username", username).formParam("password", password)
                .post(TOKEN_ENDPOINT);
    }

    static String tokenOf(String username) {
        Response r = passwordGrant(username, DEMO_PASSWORD);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("no token for " + username + ": " + r.statusCode() + " " + r.asString());
        }
        return r.jsonPath().getString("access_token");
    }

    static Response clientCredentials(String clientId, String secret) {
        return given().formParam("grant_type", "client_credentials").formParam("client_id", clientId)
                .formParam("client_secret", secret).post(TOKEN_ENDPOINT);
    }

    /** The claims of a JWT (not verified: the services verify; the tests only read what Keycloak put in). */
    static JsonNode claims(String jwt) {
        try {
            String payload = jwt.split("\\.")[1];
            return JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalArgumentException("not a JWT", e);
        }
    }
}
