package ir.kanoon.networking.security;

import io.restassured.RestAssured;
import ir.kanoon.platform.testing.KanoonTest;
import ir.kanoon.platform.testing.authz.AuthorizationMatrix;
import ir.kanoon.platform.testing.authz.AuthorizationMatrix.Scope;
import ir.kanoon.platform.testing.authz.Expect;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * Issue 14, authorisation matrix: every operation of networking's OpenAPI × every realm role × own/other
 * province × token variant (conventions, Security). Fixtures (a published host-province tour, a draft tour, a
 * member) live in {@value #OWN}; {@value #OTHER} tokens must never reach them. Table:
 * {@code target/authz-matrix/networking.md}.
 */
@KanoonTest
class AuthorizationMatrixTest {

    static final String OWN = "IR-24";
    static final String OTHER = "IR-25";

    @Test
    void everyOperationRoleProvinceAndTokenVariant_answersAsDeclared_noCrossProvinceReadsOrWrites() {
        NetworkingFixtures f = NetworkingFixtures.in(OWN);
        AuthorizationMatrix matrix = AuthorizationMatrix.of("networking")
                .document(given().accept("application/json").get("/q/openapi").asString())
                .baseUri(URI.create("http://localhost:" + RestAssured.port))
                .provinces(OWN, OTHER)
                .path("/api/v1/tours/{id}", Map.of("id", f.draftTour()))
                // not f.tour(): a published tour is announced to every province (README: GET /tours for any
                // signed-in caller; drafts only for the host's staff) — the draft is the probe
                // ... except for its registrations: the published tour is visible everywhere, so only this probe
                // shows whether another province's staff are refused its registrations (403, not an empty 200)
                .announcedPath("/api/v1/tours/{id}/registrations", Map.of("id", f.tour()))
                .body("tourCreate", cell -> NetworkingFixtures.tour(OWN))
                .crossProvince("adviceRequestAsk", "README: any signed-in person may ask any province's advisors");
        // Art. 3-7: networking is for active members; the matrix's member tokens are not in the member projection
        for (String role : List.of("member", "trustee")) {
            matrix.expect("advisorOptIn", role, null, Expect.FORBIDDEN, "not an active member (Art. 3-7)")
                    .expect("connectionRequest", role, null, Expect.FORBIDDEN, "not an active member (Art. 3-7)")
                    .expect("tourRegister", role, Scope.OWN, Expect.FORBIDDEN, "not an active member (Art. 3-7)")
                    .expect("supportPackageEligible", role, Scope.OWN, Expect.FORBIDDEN, "not an active member (Art. 3-7)");
        }
        // README: a person may join another province's tour, and sees their own registrations on it
        for (String role : List.of("member", "trustee")) {
            matrix.expect("tourRegistrations", role, Scope.OTHER, Expect.SCOPED,
                    "a person of any province sees their own registrations on a published tour");
        }
        matrix.run();
    }
}
