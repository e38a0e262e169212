package ir.kanoon.platform.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared hook on a plain Vert.x HTTP server (no Quarkus): what the codec refuses reaches the module's
 * {@link Responder} with the status, the code and the limit, and the connection is closed; a URI {@link java.net.URI}
 * cannot parse is a problem too; anything else goes to the server's own handler (issue 14, hostile input). If a
 * Vert.x upgrade moves the internals the hook reaches into, {@code installsOnTheListeningServer} fails first.
 */
class InvalidRequestHookTest {

    private static final int MAX_LINE = 512;
    private static Vertx vertx;
    private static HttpServer server;
    private static int installed;

    @BeforeAll
    static void listenAndInstall() throws Exception {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer(new HttpServerOptions().setMaxInitialLineLength(MAX_LINE))
                .requestHandler(request -> request.response().end("routed"))
                // a negative port: a random one, shared like Quarkus' servers (port 0 would not be in the shared map)
                .listen(-1, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        // the responder stands for a module's renderer: it writes what the hook hands it, nothing more
        Responder responder = (request, status, code, args) -> request.response().setStatusCode(status)
                .putHeader("Content-Type", "application/problem+json")
                .end(new JsonObject().put("type", "/problems/" + code).put("status", status)
                        .put("detail", String.join(",", java.util.Arrays.stream(args).map(String::valueOf).toList()))
                        .encode());
        installed = new InvalidRequestHook(responder, MAX_LINE, 8192).installWhenListening(vertx);
    }

    @AfterAll
    static void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void installsOnTheListeningServer() {
        assertTrue(installed > 0, "no connection handler patched: Vert.x internals moved?");
    }

    @Test
    void aRequestLineOverTheLimit_isAnsweredByTheResponder414NamingTheLimit_andClosed() {
        String answer = send("GET /x?q=" + "a".repeat(2 * MAX_LINE) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
        // HTTP/1.0 in the status line: the codec gave up before it read the request's version
        assertTrue(answer.matches("(?s)HTTP/1\\.[01] 414 .*"), answer);
        assertTrue(answer.toLowerCase().contains("connection: close"), answer);
        JsonObject body = new JsonObject(answer.substring(answer.indexOf("\r\n\r\n") + 4));
        assertEquals("/problems/uri-too-long", body.getString("type"));
        assertEquals(Integer.toString(MAX_LINE), body.getString("detail"));
    }

    @Test
    void aUriThatCannotBeParsed_isAnsweredByTheResponder400InvalidUri() {
        String answer = send("GET /x/%ZZ HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertTrue(answer.matches("(?s)HTTP/1\\.[01] 400 .*"), answer);
        assertTrue(answer.contains("/problems/invalid-uri"), answer);
    }

    @Test
    void aValidRequest_goesToTheServersOwnHandler() {
        String answer = send("GET /x?q=a HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
        assertTrue(answer.endsWith("routed"), answer);
    }

    /** Raw bytes: an HTTP client library would refuse to send what these requests send. */
    private static String send(String raw) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.actualPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                // the server closes the connection after the answer: read to the end
                for (int n; (n = in.read(buffer)) > 0; ) {
                    read.write(buffer, 0, n);
                }
            } catch (SocketException reset) {
                // the server may reset while unread request bytes remain; what was read is the answer
            }
            return read.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
