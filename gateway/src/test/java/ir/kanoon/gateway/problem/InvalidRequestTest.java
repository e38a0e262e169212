package ir.kanoon.gateway.problem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import ir.kanoon.gateway.support.Peers;
import ir.kanoon.gateway.support.Peers.Answer;
import ir.kanoon.gateway.support.StubUpstreams;
import ir.kanoon.platform.testing.OidcTestResource;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, hostile input: what Vert.x's HTTP codec refuses before any route runs — a request line over
 * {@code quarkus.http.limits.max-initial-line-length} (4096) and headers over {@code max-header-size} (20K) — is a
 * problem+json naming the limit like every other error, not Vert.x's bodiless 414/431 ({@link InvalidRequests}).
 */
@QuarkusTest
@QuarkusTestResource(OidcTestResource.class)
@QuarkusTestResource(StubUpstreams.class)
class InvalidRequestTest {

    private static final String CLIENT = "127.0.0.62";

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
        // several fresh connections: each may land on another event loop, each of which has its own handler
        for (int i = 0; i < 8; i++) {
            Answer a = send("GET /api/v1/members?q=" + "x".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertEquals(414, a.status());
            assertProblem(a, 414, "/problems/uri-too-long", "4096");
        }
    }

    @Test
    void aUriQuarkusCannotParse_is400Problem_notABodiless400() {
        for (String uri : new String[] {"/api/v1/members?q=%ZZ", "/q/asyncapi/%ZZ"}) {
            Answer a = send("GET " + uri + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertEquals(400, a.status());
            assertTrue(String.valueOf(a.header("Content-Type")).startsWith("application/problem+json"), a.body());
            assertEquals("/problems/invalid-uri", a.json().getString("type"));
        }
    }

    @Test
    void headersOf40kB_are431ProblemNamingTheLimit_onEveryConnection() {
        StringBuilder request = new StringBuilder("GET /api/v1/members HTTP/1.1\r\nHost: localhost\r\n");
        for (int i = 0; i < 10; i++) {
            request.append("X-Padding-").append(i).append(": ").append("y".repeat(4_000)).append("\r\n");
        }
        String head = request.append("\r\n").toString();
        for (int i = 0; i < 8; i++) {
            Answer a = send(head);
            assertEquals(431, a.status());
            assertProblem(a, 431, "/problems/headers-too-large", "20480");
        }
    }

    /**
     * Sends the bytes and reads what comes back until the gateway closes. The gateway closes with part of the
     * request unread, so the close may be a reset: what arrived before it still counts.
     */
    private static Answer send(String request) {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(CLIENT), 0)) {
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
        return Peers.parse(received.toString(StandardCharsets.UTF_8));
    }

    private static void assertProblem(Answer a, int status, String type, String limit) {
        assertTrue(String.valueOf(a.header("Content-Type")).startsWith("application/problem+json"),
                "content type " + a.header("Content-Type") + ", body '" + a.body() + "'");
        assertEquals(type, a.json().getString("type"));
        assertEquals(status, a.json().getInt("status"));
        assertTrue(a.json().getString("title") != null && !a.json().getString("title").isBlank());
        assertTrue(a.json().getString("detail").contains(limit), "the detail names the limit: " + a.json().getString("detail"));
        assertEquals("close", a.header("Connection"));
    }
}
