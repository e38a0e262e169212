package ir.kanoon.gateway.routing;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import ir.kanoon.gateway.support.StubUpstreams;
import ir.kanoon.gateway.support.Stubs;
import ir.kanoon.platform.testing.OidcTestResource;
import ir.kanoon.platform.testing.TestTokens;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Test limit (StubUpstreams): 64 KiB. */
@QuarkusTest
@QuarkusTestResource(OidcTestResource.class)
@QuarkusTestResource(StubUpstreams.class)
class BodyLimitTest {

    @Test
    void oversizedBodyIs413AndNeverReachesTheService() {
        int before = Stubs.hits("workgroup");
        given().auth().oauth2(TestTokens.user("big-body").sign())
                .header("Accept-Language", "en")
                .contentType("application/json").body(new byte[64 * 1024 + 1])
                .post("/api/v1/meetings")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/payload-too-large"))
                .body("detail", equalTo("The request body exceeds the limit of 65536 bytes."));
        assertEquals(before, Stubs.hits("workgroup"));
    }

    @Test
    void chunkedBodyIsCountedWhileStreamingAnd413WhenTooLarge() throws IOException {
        String response = sendChunked("/api/v1/resolutions", 80 * 1024);
        assertTrue(response.startsWith("HTTP/1.1 413"), response);
        assertTrue(response.contains("/problems/payload-too-large"), response);
    }

    @Test
    void chunkedBodyUnderTheLimitIsStreamedThrough() throws IOException {
        String response = sendChunked("/api/v1/resolutions", 40 * 1024);
        assertTrue(response.startsWith("HTTP/1.1 200"), response);
        assertTrue(response.contains("\"bodyBytes\":" + 40 * 1024), response);
    }

    @Test
    void expectContinueIsAnsweredByTheGatewayAfterItsChecks() throws IOException {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        String token = TestTokens.user("expect-continue").sign();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/experiences HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nExpect: 100-continue"
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] head = new byte[25];
            int read = socket.getInputStream().readNBytes(head, 0, head.length);
            assertEquals("HTTP/1.1 100 Continue\r\n\r\n", new String(head, 0, read, StandardCharsets.US_ASCII));
            out.write("{}".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(response.startsWith("HTTP/1.1 200"), response);
            assertTrue(response.contains("\"bodyBytes\":2"), response);
            assertTrue(!response.contains("\"expect\""), "the expectation is not passed on: " + response);
        }
    }

    /** Raw HTTP/1.1 with Transfer-Encoding: chunked, so no Content-Length tells the size up front. */
    private static String sendChunked(String path, int bytes) throws IOException {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        String token = TestTokens.user("chunked-" + bytes).sign();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/octet-stream\r\nAccept-Language: en\r\nTransfer-Encoding: chunked"
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[8 * 1024];
            try {
                for (int sent = 0; sent < bytes; sent += chunk.length) {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException closedEarly) {
                // the gateway may close the connection after its 413 while we are still writing
            }
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void bodyAtTheLimitPasses() {
        given().auth().oauth2(TestTokens.user("big-body-ok").sign())
                .contentType("application/json").body(new byte[64 * 1024])
                .post("/api/v1/meetings")
                .then().statusCode(200).body("bodyBytes", equalTo(64 * 1024));
    }
}
