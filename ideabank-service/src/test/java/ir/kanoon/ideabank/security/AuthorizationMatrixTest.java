package ir.kanoon.ideabank.security;

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
 * Issue 14, authorisation matrix: every operation of ideabank's OpenAPI × every realm role × own/other province ×
 * token variant (conventions, Security). Fixtures (a REVIEWERS-only idea under screening, a MEMBERS idea, an
 * experience draft) live in {@value #OWN}; {@value #OTHER} tokens must never reach them.
 * Table: {@code target/authz-matrix/ideabank.md}.
 */
@KanoonTest
class AuthorizationMatrixTest {

    static final String OWN = "IR-24";
    static final String OTHER = "IR-25";

    @Test
    void everyOperationRoleProvinceAndTokenVariant_answersAsDeclared_noCrossProvinceReadsOrWrites() {
        IdeabankFixtures f = IdeabankFixtures.in(OWN);
        AuthorizationMatrix matrix = AuthorizationMatrix.of("ideabank")
                .document(given().accept("application/json").get("/q/openapi").asString())
                .baseUri(URI.create("http://localhost:" + RestAssured.port))
                .provinces(OWN, OTHER)
                .path("/api/v1/ideas/{id}", Map.of("id", f.secretIdea()))
                .path("/api/v1/experiences/{id}", Map.of("id", f.experience()))
                // reviews of an idea every province may see the title of: only here does "another province is
                // refused the list" show (403), where the secret idea answers 404 to everyone outside
                .announcedPath("/api/v1/ideas/{id}/reviews", Map.of("id", f.memberIdea()))
                // not f.memberIdea(): a MEMBERS idea's title and summary are for everyone (README, Confidentiality);
                // the REVIEWERS idea is the one no other province may see in any list
                .body("experienceCreate", cell -> IdeabankFixtures.experienceForm(OWN))
                // README: experiences are written for one's own Association
                .expect("experienceCreate", "member", Scope.OTHER, Expect.REFUSED, "own Association only")
                .expect("experienceCreate", "trustee", Scope.OTHER, Expect.REFUSED, "own Association only");
        // README: only the author sends an experience for review; only the submitter or team revises an idea
        // (attachments); only assigned reviewers score — staff and the ministry included
        for (String role : List.of("secretariat", "labour-dg", "planning-deputy", "ministry-admin")) {
            Scope scope = role.equals("ministry-admin") ? null : Scope.OWN;
            matrix.expect("experienceSubmit", role, scope, Expect.FORBIDDEN, "author only")
                    .expect("attachmentUpload", role, scope, Expect.FORBIDDEN, "the idea's submitter or team only")
                    .expect("ideaReview", role, scope, Expect.FORBIDDEN, "assigned reviewers only");
        }
        // the reviews path probes a MEMBERS idea (above), which every caller sees: there, whoever is not an assigned
        // reviewer is told so (403 review.assigned-only) instead of the secret idea's 404
        for (String role : List.of("applicant", "member", "trustee", "planning-deputy")) {
            matrix.expect("ideaReview", role, null, Expect.FORBIDDEN, "assigned reviewers only");
        }
        for (String role : List.of("secretariat", "labour-dg")) {
            matrix.expect("ideaReview", role, Scope.OTHER, Expect.FORBIDDEN, "assigned reviewers only");
        }
        matrix.run();
    }
}
