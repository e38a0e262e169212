package ir.kanoon.governance.security;

import io.agroal.api.AgroalDataSource;
import io.restassured.RestAssured;
import ir.kanoon.platform.jalali.JalaliQuarter;
import ir.kanoon.platform.testing.KanoonTest;
import ir.kanoon.platform.testing.TestTokens;
import ir.kanoon.platform.testing.hostile.HostileInput;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.LocalDate;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static ir.kanoon.governance.support.Gov.appoint;
import static ir.kanoon.governance.support.Gov.nomination;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, hostile input: 10,000 malformed or random requests over every operation of governance's OpenAPI —
 * no 5xx, every 4xx problem+json, unknown JSON fields a 400 naming them, no stored data changed by a rejected
 * request. Seed printed; {@code -Dkanoon.hostile.seed} replays. Report: {@code target/hostile-input/governance.md}.
 */
@KanoonTest
class HostileInputTest {

    static final String P = "IR-07";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void tenThousandMalformedRequests_neverA5xx_alwaysProblemJson_rejectedOnesChangeNothing() {
        String appointment = appoint(P, "EMPLOYERS_SECRETARY");
        String programme = given().auth().oauth2(TestTokens.secretariat(P)).contentType("application/json")
                .queryParam("province", P).body(AuthorizationMatrixTest.programme()).post("/api/v1/programmes")
                .then().statusCode(201).extract().path("id");
        JalaliQuarter q = JalaliQuarter.of(LocalDate.now());
        int sent = HostileInput.of("governance")
                .document(given().accept("application/json").get("/q/openapi").asString())
                .baseUri(URI.create("http://localhost:" + RestAssured.port))
                .dataSource(dataSource)
                .province(P)
                .pathParam("province", P)
                .pathParam("jalaliYear", String.valueOf(q.year()))
                .pathParam("quarter", "Q" + q.quarter())
                .path("/api/v1/boards/{province}/appointments/{id}", Map.of("id", appointment))
                .path("/api/v1/programmes/{id}", Map.of("id", programme))
                .body("programmeCreate", AuthorizationMatrixTest.programme())
                .body("boardNominate", nomination("ENTREPRENEUR_EXPERT", "LABOUR_DG"))
                .run();
        assertTrue(sent >= 10_000, "sent " + sent);
    }
}
