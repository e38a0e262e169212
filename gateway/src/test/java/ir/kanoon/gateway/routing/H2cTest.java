package ir.kanoon.gateway.routing;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import ir.kanoon.gateway.support.StubUpstreams;
import ir.kanoon.gateway.support.Stubs;
import ir.kanoon.platform.testing.OidcTestResource;
import ir.kanoon.platform.testing.TestTokens;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Issue 14: the gateway speaks HTTP/1.1 only ({@code quarkus.http.http2=false}). Bodies of unknown
 * length over h2c slipped past the size check; now h2c is not spoken at all, so every body is framed by
 * Content-Length (checked up front) or chunked (counted while streaming), both answered 413 (BodyLimitTest).
 */
@QuarkusTest
@QuarkusTestResource(OidcTestResource.class)
@QuarkusTestResource(StubUpstreams.class)
class H2cTest {

    private Vertx vertx;
    private int port;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    }

    @AfterEach
    void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void h2cWithPriorKnowledgeIsNotSpokenSoAnOverSizeBodyOfUnknownLengthNeverReachesAService() {
        // Prior knowledge: the client opens with the HTTP/2 preface, no Upgrade round trip.
        HttpClient h2c = vertx.createHttpClient(new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_2).setHttp2ClearTextUpgrade(false));
        int before = Stubs.hits("workgroup");
        Buffer threeMegabytes = Buffer.buffer(new byte[3 * 1024 * 1024]);
        RequestOptions post = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port)
                .setURI("/api/v1/meetings").putHeader("Authorization", "Bearer " + TestTokens.user("h2c").sign())
                .putHeader("Content-Type", "application/octet-stream");
        CompletableFuture<Integer> big = h2c.request(post)
                // no content-length: a body of unknown length, sent in frames
                .compose(request -> request.setChunked(true).send(threeMegabytes))
                .map(response -> response.statusCode())
                .toCompletionStage().toCompletableFuture();
        assertThrows(ExecutionException.class, () -> big.get(20, TimeUnit.SECONDS),
                "no HTTP/2 answer at all: the gateway does not speak it");

        RequestOptions get = new RequestOptions().setHost("127.0.0.1").setPort(port).setURI("/api/v1/provinces");
        CompletableFuture<Integer> small = h2c.request(get).compose(request -> request.send())
                .map(response -> response.statusCode()).toCompletionStage().toCompletableFuture();
        assertThrows(ExecutionException.class, () -> small.get(20, TimeUnit.SECONDS));
        assertEquals(before, Stubs.hits("workgroup"), "nothing of an h2c request reached the service");
    }

    @Test
    void anH2cUpgradeRequestIsAnsweredOverHttp11() throws Exception {
        // The JDK client asks for "Upgrade: h2c" on http://; the gateway ignores it and answers in HTTP/1.1.
        HttpResponse<String> response = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_2).build()
                .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/provinces")).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals(java.net.http.HttpClient.Version.HTTP_1_1, response.version());
    }
}
