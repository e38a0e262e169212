package ir.kanoon.membership.security;

import io.agroal.api.AgroalDataSource;
import io.restassured.RestAssured;
import ir.kanoon.platform.testing.KanoonTest;
import ir.kanoon.platform.testing.hostile.HostileInput;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static ir.kanoon.membership.support.Fixtures.admit;
import static ir.kanoon.membership.support.Fixtures.entrepreneur;
import static ir.kanoon.membership.support.Fixtures.nationalId;
import static ir.kanoon.membership.support.Fixtures.submitAs;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, hostile input: 10,000 malformed or random requests over every operation of membership's OpenAPI —
 * no 5xx, every 4xx problem+json, unknown JSON fields a 400 naming them, no stored data changed by a rejected
 * request (every table checksummed around each block). The seed is printed; {@code -Dkanoon.hostile.seed}
 * replays it. Report: {@code target/hostile-input/membership.md}.
 */
@KanoonTest
class HostileInputTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void tenThousandMalformedRequests_neverA5xx_alwaysProblemJson_rejectedOnesChangeNothing() {
        String applicationId = submitAs("hostile-fixture-applicant", entrepreneur("IR-07", nationalId()))
                .statusCode(201).extract().path("id");
        String memberId = admit("hostile-fixture-member", entrepreneur("IR-07", nationalId()));
        int sent = HostileInput.of("membership")
                .document(given().accept("application/json").get("/q/openapi").asString())
                .baseUri(URI.create("http://localhost:" + RestAssured.port))
                .dataSource(dataSource)
                .path("/api/v1/applications/{id}", Map.of("id", applicationId))
                .path("/api/v1/members/{id}", Map.of("id", memberId))
                .body("applicationSubmit", entrepreneur("IR-07", nationalId()))
                .run();
        assertTrue(sent >= 10_000, "sent " + sent);
    }
}
