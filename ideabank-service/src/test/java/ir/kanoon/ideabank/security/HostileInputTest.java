package ir.kanoon.ideabank.security;

import io.agroal.api.AgroalDataSource;
import io.restassured.RestAssured;
import ir.kanoon.platform.testing.KanoonTest;
import ir.kanoon.platform.testing.hostile.HostileInput;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, hostile input: 10,000 malformed or random requests over every operation of ideabank's OpenAPI —
 * no 5xx, every 4xx problem+json, unknown JSON fields a 400 naming them, no stored data changed by a rejected
 * request. Seed printed; {@code -Dkanoon.hostile.seed} replays. Report: {@code target/hostile-input/ideabank.md}.
 */
@KanoonTest
class HostileInputTest {

    static final String P = "IR-26";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void tenThousandMalformedRequests_neverA5xx_alwaysProblemJson_rejectedOnesChangeNothing() {
        IdeabankFixtures f = IdeabankFixtures.in(P);
        int sent = HostileInput.of("ideabank")
                .document(given().accept("application/json").get("/q/openapi").asString())
                .baseUri(URI.create("http://localhost:" + RestAssured.port))
                .dataSource(dataSource)
                .province(P)
                .path("/api/v1/ideas/{id}", Map.of("id", f.secretIdea()))
                .path("/api/v1/experiences/{id}", Map.of("id", f.experience()))
                .body("experienceCreate", IdeabankFixtures.experienceForm(P))
                .run();
        assertTrue(sent >= 10_000, "sent " + sent);
    }
}
