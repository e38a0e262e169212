package ir.kanoon.platform.problem;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import ir.kanoon.platform.testing.KafkaTestResource;
import ir.kanoon.platform.testing.OidcTestResource;
import ir.kanoon.platform.testing.PostgresTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, hostile input, in every service: a request line over {@code max-initial-line-length} (4096) and headers
 * over {@code max-header-size} (20K), refused by Vert.x's codec before any route runs, are problem+json naming the
 * limit ({@link InvalidRequests}), not Vert.x's bodiless 414/431.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, parallel = true, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaTestResource.class, parallel = true, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = OidcTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class InvalidRequestTest {

    @Inject
    InvalidRequests invalidRequests;

    @BeforeEach
    void serversListenWithTheHandlerInPlace() throws InterruptedException {
        // installed once the HTTP server has started (asynchronously, moments after the application)
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (invalidRequests.installed() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    @Test
    void aRequestLineOf20kB_is414ProblemNamingTheLimit_onEveryConnection() {
        // fresh connections: each may land on another event loop, each of which has its own handler
        for (int i = 0; i < 6; i++) {
            String raw = send("GET /api/v1/provinces?q=" + "x".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertProblem(raw, 414, "/problems/uri-too-long", "4096");
        }
    }

    @Test
    void aUriQuarkusCannotParse_is400Problem_notABodiless400() {
        String raw = send("GET /api/v1/provinces?q=%ZZ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertProblem(raw, 400, "/problems/invalid-uri", "RFC 3986");
    }

    @Test
    void headersOf40kB_are431ProblemNamingTheLimit_onEveryConnection() {
        StringBuilder request = new StringBuilder("GET /api/v1/provinces HTTP/1.1\r\nHost: localhost\r\n");
        for (int i = 0; i < 10; i++) {
            request.append("X-Padding-").append(i).append(": ").append("y".repeat(4_000)).append("\r\n");
        }
        String head = request.append("\r\n").toString();
        for (int i = 0; i < 6; i++) {
            assertProblem(send(head), 431, "/problems/headers-too-large", "20480");
        }
    }

    private static void assertProblem(String raw, int status, String type, String limit) {
        int end = raw.indexOf("\r\n\r\n");
        assertTrue(end > 0, "no HTTP answer: '" + raw + "'");
        String head = raw.substring(0, end).toLowerCase();
        // HTTP/1.0 when the request line itself was refused: Netty's stand-in for an unreadable request is 1.0
        assertTrue(head.matches("(?s)http/1\\.[01] " + status + " .*"), head);
        assertTrue(head.contains("content-type: application/problem+json"), head);
        JsonPath problem = JsonPath.from(raw.substring(end + 4));
        assertEquals(type, problem.getString("type"));
        assertEquals(status, problem.getInt("status"));
        assertTrue(!problem.getString("title").isBlank());
        assertTrue(problem.getString("detail").contains(limit), "the detail names the limit or rule: " + problem.getString("detail"));
    }

    /** The bytes, then what comes back until the service closes (a reset after the answer still counts). */
    private static String send(String request) {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                received.write(buffer, 0, n);
            }
        } catch (SocketException reset) {
            // closed with our bytes unread: keep what was answered before
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return received.toString(StandardCharsets.UTF_8);
    }
}
