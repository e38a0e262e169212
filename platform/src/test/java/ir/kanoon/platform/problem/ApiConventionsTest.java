package ir.kanoon.platform.problem;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import ir.kanoon.platform.testing.KafkaTestResource;
import ir.kanoon.platform.testing.OidcTestResource;
import ir.kanoon.platform.testing.PostgresTestResource;
import ir.kanoon.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** problem+json, fa/en messages, 401/403/412, province scoping, paging and reference data over HTTP. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, parallel = true, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaTestResource.class, parallel = true, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = OidcTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ApiConventionsTest {

    @Test
    void validationNamesEveryBadFieldInProblemJson() {
        given().contentType("application/json").header("Accept-Language", "en")
                .body("{\"text\":\"\",\"tags\":[\"a\",\"b\",\"c\",\"d\"],\"person\":{\"nationalId\":\"x\",\"age\":200}}")
                .post("/api/v1/probes/notes")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/validation"))
                .body("status", equalTo(400))
                .body("instance", equalTo("/api/v1/probes/notes"))
                .body("violations.field", hasItem("text"))
                .body("violations.field", hasItem("tags"))
                .body("violations.field", hasItem("person.age"));
    }

    @Test
    void serviceChecksReportTheirFieldToo() {
        given().contentType("application/json").header("Accept-Language", "en")
                .body("{\"text\":\"hi\",\"person\":{\"nationalId\":\"0010350828\"}}")
                .post("/api/v1/probes/notes")
                .then().statusCode(400)
                .body("violations[0].field", equalTo("person.nationalId"))
                .body("violations[0].message", containsString("national ID"));
    }

    @Test
    void malformedJsonAndWrongTypesAre400NotStackTraces() {
        given().contentType("application/json").header("Accept-Language", "en").body("{\"text\":")
                .post("/api/v1/probes/notes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("body"));
        given().contentType("application/json").header("Accept-Language", "en")
                .body("{\"text\":\"x\",\"person\":{\"nationalId\":\"0010350829\",\"age\":\"old\"}}")
                .post("/api/v1/probes/notes")
                .then().statusCode(400)
                .body("violations[0].field", equalTo("person.age"))
                .body(not(containsString("java.")));
        given().contentType("application/json").header("Accept-Language", "en")
                .body("{\"text\":\"x\",\"person\":{\"nationalId\":\"0010350829\",\"age\":99999999999}}")
                .post("/api/v1/probes/notes")
                .then().statusCode(400)
                .body("violations[0].field", equalTo("person.age"))
                .body("violations[0].message", containsString("out of range"));
    }

    @Test
    void messagesFollowAcceptLanguage() {
        given().header("Accept-Language", "en").get("/api/v1/probes/rule")
                .then().statusCode(422).header("Content-Language", "en")
                .body("title", equalTo("Board is full"))
                .body("detail", equalTo("The Board already has its 11 seats filled"));
        given().header("Accept-Language", "fa-IR,fa;q=0.9").get("/api/v1/probes/rule")
                .then().statusCode(422).header("Content-Language", "fa")
                .body("title", equalTo("هیئت امنا تکمیل است"));
        given().get("/api/v1/probes/missing/42")
                .then().statusCode(404).header("Content-Language", "fa")
                .body("detail", containsString("42"));
    }

    @Test
    void ruleViolationsNameTheArticle() {
        given().get("/api/v1/probes/rule").then().statusCode(422)
                .body("rule", equalTo("Art. 6"))
                .body("type", equalTo("/problems/probe.board-full"));
    }

    @Test
    void unexpectedErrorsAre500WithACorrelationIdAndNothingInternal() {
        given().header("Accept-Language", "en").get("/api/v1/probes/boom")
                .then().statusCode(500).contentType("application/problem+json")
                .body("correlationId", notNullValue())
                .body("detail", containsString("correlation id"))
                .body(allOf(not(containsString("PSQLException")), not(containsString("secret_table")),
                        not(containsString("IllegalStateException")), not(containsString("\tat "))));
    }

    @Test
    void queryParametersThatDoNotConvertAre400NamingThem() {
        given().queryParam("colour", "green").queryParam("size", "3").get("/api/v1/probes/filter")
                .then().statusCode(200).body("colour", equalTo("GREEN")).body("size", equalTo("3"));
        given().header("Accept-Language", "en").queryParam("colour", "PURPLE").get("/api/v1/probes/filter")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("colour"))
                .body("violations[0].message", containsString("RED, GREEN"));
        given().queryParam("size", "big").get("/api/v1/probes/filter")
                .then().statusCode(400).body("violations[0].field", equalTo("size"));
    }

    @Test
    void aValueThePostgresCannotStoreIs400NotServerError() {
        given().contentType("application/json").body("{\"text\":\"bad\\u0000text\"}")
                .post("/api/v1/probes/notes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-value"));
    }

    @Test
    void collidingWritesAre409NotServerErrors() {
        given().header("Accept-Language", "en").post("/api/v1/probes/notes/duplicate")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("/problems/duplicate"))
                .body(not(containsString("test_note")));
        given().get("/api/v1/probes/serialization-failure")
                .then().statusCode(409).body("type", equalTo("/problems/concurrent-update"));
    }

    /** A burst larger than the connection pool, or the database away, is a 503 to retry — never a 500. */
    @Test
    void noDatabaseConnectionIs503WithRetryAfter_notAServerError() {
        for (String probe : List.of("pool-exhausted", "pool-new-connection-timeout", "database-down", "commit-during-shutdown")) {
            given().header("Accept-Language", "en").get("/api/v1/probes/" + probe)
                    .then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", notNullValue())
                    .body("type", equalTo("/problems/unavailable"))
                    .body("correlationId", nullValue())
                    .body(not(containsString("acquisition")))
                    .body(not(containsString("5432")));
        }
    }

    @Test
    void unknownPathAndWrongMethodAreProblems() {
        given().get("/api/v1/probes/nothing-here").then().statusCode(404).contentType("application/problem+json");
        given().delete("/api/v1/probes/rule").then().statusCode(405).contentType("application/problem+json");
    }

    @Test
    void missingOrBadTokensAre401Problems() {
        given().post("/api/v1/probes/admin-only").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", startsWith("Bearer"));
        for (String bad : new String[]{
                TestTokens.user("u").roles("ministry-admin").expired().sign(),
                TestTokens.user("u").roles("ministry-admin").audience("another-api").sign(),
                TestTokens.user("u").roles("ministry-admin").badSignature().sign(),
                TestTokens.user("u").roles("ministry-admin").issuer("https://evil.example/realms/kanoon").sign(),
                TestTokens.user("u").roles("ministry-admin").sign() + "tampered"}) {
            given().auth().oauth2(bad).post("/api/v1/probes/admin-only")
                    .then().statusCode(401).contentType("application/problem+json");
        }
        given().auth().oauth2(TestTokens.user("u").roles("ministry-admin").sign())
                .post("/api/v1/probes/admin-only").then().statusCode(200).body("ok", equalTo("yes"));
    }

    @Test
    void wrongRoleIs403Problem() {
        given().auth().oauth2(TestTokens.user("u").roles("member").province("IR-07").sign())
                .post("/api/v1/probes/admin-only")
                .then().statusCode(403).contentType("application/problem+json").body("type", equalTo("/problems/forbidden"));
    }

    @Test
    void provincialRolesActOnlyOnTheirProvinceAndMinistryOnAll() {
        String tehran = TestTokens.user("t-sec").roles("secretariat").province("IR-07").sign();
        given().auth().oauth2(tehran).get("/api/v1/probes/provinces/IR-07/secret")
                .then().statusCode(200).body("subject", equalTo("t-sec"));
        given().auth().oauth2(tehran).get("/api/v1/probes/provinces/IR-04/secret")
                .then().statusCode(403).body("type", equalTo("/problems/forbidden-province"));
        String ministry = TestTokens.user("m").roles("ministry-analyst").sign();
        given().auth().oauth2(ministry).get("/api/v1/probes/provinces/IR-04/secret").then().statusCode(200);
        String nationalSystem = TestTokens.serviceAccount("tax-system").sign();
        given().auth().oauth2(nationalSystem).get("/api/v1/probes/provinces/IR-31/secret").then().statusCode(200);
        String provincialSystem = TestTokens.serviceAccount("isfahan-portal").province("IR-04").sign();
        given().auth().oauth2(provincialSystem).get("/api/v1/probes/provinces/IR-07/secret").then().statusCode(403);
    }

    @Test
    void staleIfMatchIs412() {
        given().header("If-Match", "\"3\"").put("/api/v1/probes/versioned/3").then().statusCode(200);
        given().header("If-Match", "\"2\"").put("/api/v1/probes/versioned/3")
                .then().statusCode(412).contentType("application/problem+json").header("ETag", "\"3\"");
    }

    @Test
    void cursorPagingWalksEveryItemOnce() {
        java.util.List<Integer> seen = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var page = given().queryParam("limit", 20).queryParam("cursor", cursor == null ? "" : cursor)
                    .get("/api/v1/probes/numbers").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items", Integer.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        org.junit.jupiter.api.Assertions.assertEquals(45, seen.size());
        org.junit.jupiter.api.Assertions.assertEquals(45, new java.util.HashSet<>(seen).size());
        given().queryParam("limit", 500).get("/api/v1/probes/numbers")
                .then().statusCode(400).body("violations[0].field", equalTo("limit"));
        given().queryParam("cursor", "garbage!").get("/api/v1/probes/numbers")
                .then().statusCode(400).body("violations[0].field", equalTo("cursor"));
    }

    @Test
    void provincesArePublicReferenceData() {
        given().get("/api/v1/provinces").then().statusCode(200)
                .body("$", hasSize(31))
                .body("find { it.code == 'IR-07' }.nameFa", equalTo("تهران"));
        given().get("/api/v1/provinces/IR-04").then().statusCode(200).body("nameEn", equalTo("Isfahan"));
        given().get("/api/v1/provinces/IR-99").then().statusCode(404).contentType("application/problem+json")
                .body("correlationId", nullValue());
    }

    @Test
    void openApiDocumentsTheProblemSchema() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.schemas.Problem.properties.rule", notNullValue())
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/provinces"));
    }
}
