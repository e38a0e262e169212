package ir.kanoon.membership.security;

import io.restassured.RestAssured;
import ir.kanoon.platform.testing.KanoonTest;
import ir.kanoon.platform.testing.authz.AuthorizationMatrix;
import ir.kanoon.platform.testing.authz.AuthorizationMatrix.Scope;
import ir.kanoon.platform.testing.authz.Expect;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static ir.kanoon.membership.support.Fixtures.admit;
import static ir.kanoon.membership.support.Fixtures.entrepreneur;
import static ir.kanoon.membership.support.Fixtures.nationalId;
import static ir.kanoon.membership.support.Fixtures.submitAs;

/**
 * Issue 14, authorisation matrix: every operation of membership's OpenAPI × every realm role × own/other
 * province × token variant (conventions, Security). Fixtures live in IR-07; IR-04 tokens must never reach them.
 * The generated table is {@code target/authz-matrix/membership.md} (copy under {@code docs/authz/}).
 */
@KanoonTest
class AuthorizationMatrixTest {

    private static final String OWN = "IR-07";
    private static final String OTHER = "IR-04";

    @Test
    void everyOperationRoleProvinceAndTokenVariant_answersAsDeclared_noCrossProvinceReadsOrWrites_personalDataMasked() {
        String applicantNid = nationalId();
        String applicationId = submitAs("authz-fixture-applicant", entrepreneur(OWN, applicantNid))
                .statusCode(201).extract().path("id");
        String memberNid = nationalId();
        String memberId = admit("authz-fixture-member", entrepreneur(OWN, memberNid));

        AuthorizationMatrix.of("membership")
                .document(given().accept("application/json").get("/q/openapi").asString())
                .baseUri(URI.create("http://localhost:" + RestAssured.port))
                .provinces(OWN, OTHER)
                .path("/api/v1/applications/{id}", Map.of("id", applicationId))
                .path("/api/v1/members/{id}", Map.of("id", memberId))
                .body("applicationSubmit", cell -> entrepreneur(OWN, nationalId()))
                .body("applicationDecide", cell -> Map.of("decision", "REJECTED", "resolutionRef", "HT-1405-12",
                        "reason", "ناقص"))
                // README, issue 7 — national-ID binding: a self-application needs the token's verified national_id
                .expect("applicationSubmit", "applicant", null, Expect.FORBIDDEN, "national-ID binding: no verified national_id claim")
                .expect("applicationSubmit", "member", null, Expect.FORBIDDEN, "national-ID binding: no verified national_id claim")
                .expect("applicationSubmit", "trustee", null, Expect.FORBIDDEN, "national-ID binding: no verified national_id claim")
                // only the person who applied edits or withdraws (staff decide; they do not rewrite a person's form)
                .expect("applicationEdit", "secretariat", Scope.OWN, Expect.FORBIDDEN, "only the applicant edits")
                .expect("applicationEdit", "labour-dg", Scope.OWN, Expect.FORBIDDEN, "only the applicant edits")
                .expect("applicationEdit", "trustee", Scope.OWN, Expect.FORBIDDEN, "only the applicant edits")
                .expect("applicationWithdraw", "secretariat", Scope.OWN, Expect.FORBIDDEN, "only the applicant withdraws")
                .expect("applicationWithdraw", "labour-dg", Scope.OWN, Expect.FORBIDDEN, "only the applicant withdraws")
                .expect("applicationWithdraw", "trustee", Scope.OWN, Expect.FORBIDDEN, "only the applicant withdraws")
                // README: PATCH /members/{id} — the member themself, or the province's secretariat / labour-dg
                .expect("memberPatch", "member", Scope.OWN, Expect.FORBIDDEN, "not this member: only the person or staff")
                .expect("memberPatch", "trustee", Scope.OWN, Expect.FORBIDDEN, "not this member: only the person or staff")
                .expect("memberPatch", "planning-deputy", Scope.OWN, Expect.FORBIDDEN, "edits are the secretariat's or labour DG's")
                // the audit trail (reasons of suspensions) is for the person, the secretariat, the Board and the ministry
                .expect("memberHistory", "member", Scope.OWN, Expect.FORBIDDEN, "audit trail: not another member's")
                .expect("memberHistory", "integration", Scope.OWN, Expect.FORBIDDEN, "audit trail: not for other systems")
                .personalData(applicantNid, memberNid, "1985-08-02")
                // membership README: national ID, mobile, birth date shown to the person, their province's
                // secretariat/labour-dg and ministry roles
                .personalDataVisibleTo("secretariat", "labour-dg")
                .run();
    }
}
