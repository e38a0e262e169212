package ir.kanoon.platform.idempotency;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import ir.kanoon.platform.testing.KafkaTestResource;
import ir.kanoon.platform.testing.OidcTestResource;
import ir.kanoon.platform.testing.PostgresTestResource;
import ir.kanoon.platform.testing.TestTokens;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.List;
import java.util.ArrayList;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, parallel = true, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaTestResource.class, parallel = true, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = OidcTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class IdempotencyKeyTest {

    @jakarta.inject.Inject
    IdempotencyKeyPurge purge;

    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource dataSource;

    @Test
    void purgeForgetsKeysOlderThanTheConfiguredRetention() throws Exception {
        // test application.properties: kanoon.idempotency.retention=2h (the default would keep both rows)
        String old = "purge-old-" + UUID.randomUUID();
        String recent = "purge-recent-" + UUID.randomUUID();
        try (var c = dataSource.getConnection(); var ps = c.prepareStatement(
                "INSERT INTO idempotency_key (principal, idem_key, request_hash, created_at) "
                        + "VALUES ('purge-test', ?, 'h', now() - make_interval(hours => ?))")) {
            ps.setString(1, old);
            ps.setInt(2, 3);
            ps.executeUpdate();
            ps.setString(1, recent);
            ps.setInt(2, 1);
            ps.executeUpdate();
        }
        purge.purgeExpired();
        try (var c = dataSource.getConnection(); var ps = c.prepareStatement(
                "SELECT idem_key FROM idempotency_key WHERE principal = 'purge-test'")) {
            List<String> left = new ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    left.add(rs.getString(1));
                }
            }
            assertEquals(List.of(recent), left);
        }
    }

    private ExtractableResponse<Response> post(String key, String text) {
        return given().contentType("application/json").header("Idempotency-Key", key)
                .body("{\"text\":\"" + text + "\"}")
                .post("/api/v1/probes/notes").then().extract();
    }

    private long count(String text) {
        return given().queryParam("text", text).get("/api/v1/probes/notes/count").then().statusCode(200)
                .extract().jsonPath().getLong("count");
    }

    @Test
    void aReplayReturnsTheFirstResponseAndCreatesNothing() {
        String key = UUID.randomUUID().toString();
        String text = "note-" + key;
        ExtractableResponse<Response> first = post(key, text);
        ExtractableResponse<Response> second = post(key, text);
        assertEquals(201, first.statusCode());
        assertEquals(201, second.statusCode());
        assertEquals(first.jsonPath().getString("id"), second.jsonPath().getString("id"));
        assertEquals(first.header("Location"), second.header("Location"));
        assertEquals("true", second.header("Idempotency-Replayed"));
        assertEquals(1, count(text));
    }

    @Test
    void sameKeyWithAnotherBodyIs422() {
        String key = UUID.randomUUID().toString();
        assertEquals(201, post(key, "a-" + key).statusCode());
        given().contentType("application/json").header("Idempotency-Key", key).header("Accept-Language", "en")
                .body("{\"text\":\"b-" + key + "\"}").post("/api/v1/probes/notes")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("/problems/idempotency-key-reused"));
        assertEquals(0, count("b-" + key));
    }

    @Test
    void concurrentDuplicatesCreateOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        String text = "race-" + key;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> post(key, text).statusCode(), pool));
            }
            for (CompletableFuture<Integer> call : calls) {
                assertEquals(201, call.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1, count(text));
    }

    @Test
    void failedRequestsLeaveNoKeyBehind() {
        String key = UUID.randomUUID().toString();
        given().contentType("application/json").header("Idempotency-Key", key).body("{\"text\":\"\"}")
                .post("/api/v1/probes/notes").then().statusCode(400);
        assertEquals(201, post(key, "fixed-" + key).statusCode());
    }

    @Test
    void keysArePerCaller() {
        String key = UUID.randomUUID().toString();
        String text = "per-caller-" + key;
        assertEquals(201, post(key, text).statusCode());
        given().auth().oauth2(TestTokens.user("someone-else").roles("applicant").sign())
                .contentType("application/json").header("Idempotency-Key", key).body("{\"text\":\"" + text + "\"}")
                .post("/api/v1/probes/notes").then().statusCode(201);
        assertEquals(2, count(text));
    }

    @Test
    void anAbsurdKeyIs400() {
        given().contentType("application/json").header("Idempotency-Key", "x".repeat(300)).body("{\"text\":\"k\"}")
                .post("/api/v1/probes/notes").then().statusCode(400)
                .body("violations[0].field", equalTo("Idempotency-Key"));
    }
}
