package ir.kanoon.gateway.routing;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import ir.kanoon.gateway.support.StubUpstreams;
import ir.kanoon.platform.testing.OidcTestResource;
import ir.kanoon.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service's answer reaches the client as the service sent it (issue 13: the gateway writes it itself instead of
 * vertx-http-proxy, which re-parsed and re-formatted every Date header).
 */
@QuarkusTest
@QuarkusTestResource(OidcTestResource.class)
@QuarkusTestResource(StubUpstreams.class)
class ProxiedAnswerTest {

    private static final String TOKEN = TestTokens.user("answer-user").sign();

    @Test
    void theServicesDateHeaderPassesUnchanged() {
        // IMF-fixdate with a leading zero (RFC 9110 §5.6.7); it used to come out as "Sun, 6 Nov 1994 …"
        given().auth().oauth2(TOKEN).get("/api/v1/members?_date=Sun, 06 Nov 1994 08:49:37 GMT")
                .then().statusCode(200)
                .header("Date", equalTo("Sun, 06 Nov 1994 08:49:37 GMT"))
                .header("X-Stub-Service", equalTo("membership"));
    }

    @Test
    void aResponseWithoutDateGetsTheGatewaysClockAsAnHttpDate() {
        // the echo stub (Vert.x) sends no Date of its own
        Response response = given().auth().oauth2(TOKEN).get("/api/v1/members");
        response.then().statusCode(200);
        String date = response.header("Date");
        ZonedDateTime parsed = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME);
        assertTrue(date.matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT"), date);
        assertTrue(Math.abs(ChronoUnit.SECONDS.between(parsed, ZonedDateTime.now())) < 60, date);
    }

    @Test
    void aChunkedAnswerIsStreamedWholeWithoutLength() {
        Response response = given().auth().oauth2(TOKEN).get("/api/v1/members/x?_chunked=true&_status=201");
        response.then().statusCode(201)
                .header("X-Stub-Service", equalTo("membership"))
                .header("Content-Type", equalTo("application/json"))
                .body("uri", equalTo("/api/v1/members/x?_chunked=true&_status=201"));
        assertEquals("chunked", response.header("Transfer-Encoding"));
        assertNull(response.header("Content-Length"));
    }

    @Test
    void aKnownLengthIsKeptAndTheSecurityHeadersAreAdded() {
        Response response = given().auth().oauth2(TOKEN).get("/api/v1/ideas/1");
        response.then().statusCode(200)
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .body("service", equalTo("ideabank"));
        assertEquals(Integer.toString(response.asByteArray().length), response.header("Content-Length"));
    }
}
