package ir.kanoon.governance.security;

import io.restassured.RestAssured;
import ir.kanoon.platform.testing.KanoonTest;
import ir.kanoon.platform.testing.TestTokens;
import ir.kanoon.platform.testing.authz.AuthorizationMatrix;
import ir.kanoon.platform.testing.authz.AuthorizationMatrix.Scope;
import ir.kanoon.platform.testing.authz.Expect;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static ir.kanoon.governance.support.Gov.appoint;
import static ir.kanoon.governance.support.Gov.post;

/**
 * Issue 14, authorisation matrix: every operation of governance's OpenAPI × every realm role × own/other
 * province × token variant (conventions, Security). Fixtures (the Board's appointments, a programme, an officer)
 * live in {@value #OWN}; {@value #OTHER} tokens must never reach them. Table: {@code target/authz-matrix/governance.md}.
 */
@KanoonTest
class AuthorizationMatrixTest {

    static final String OWN = "IR-02";
    static final String OTHER = "IR-03";

    static Map<String, Object> programme() {
        return Map.of("title", "دوره آموزشی", "clauses", List.of("3-1"), "owner", "کارگروه آموزش",
                "plannedStart", LocalDate.now().minusDays(10).toString(),
                "plannedEnd", LocalDate.now().plusMonths(2).toString(), "status", "IN_PROGRESS", "progress", 10);
    }

    @Test
    void everyOperationRoleProvinceAndTokenVariant_answersAsDeclared_noCrossProvinceReadsOrWrites_personalDataMasked() {
        String workersSecretary = appoint(OWN, "WORKERS_SECRETARY");
        String nationalId = given().auth().oauth2(TestTokens.secretariat(OWN))
                .get("/api/v1/boards/" + OWN + "/appointments/" + workersSecretary).then().statusCode(200)
                .extract().path("nationalId");
        String officer = post(TestTokens.labourDg(OWN), "/api/v1/officers",
                Map.of("province", OWN, "office", "PRESIDENT", "appointmentId", workersSecretary))
                .statusCode(201).extract().path("id");
        String programme = given().auth().oauth2(TestTokens.secretariat(OWN)).contentType("application/json")
                .queryParam("province", OWN).body(programme()).post("/api/v1/programmes").then().statusCode(201)
                .extract().path("id");
        var quarter = ir.kanoon.platform.jalali.JalaliQuarter.of(LocalDate.now());

        AuthorizationMatrix.of("governance")
                .document(given().accept("application/json").get("/q/openapi").asString())
                .baseUri(URI.create("http://localhost:" + RestAssured.port))
                .provinces(OWN, OTHER)
                .pathParam("province", OWN)
                .pathParam("jalaliYear", String.valueOf(quarter.year()))
                .pathParam("quarter", "Q" + quarter.quarter())
                .path("/api/v1/boards/{province}/appointments/{id}", Map.of("id", workersSecretary))
                .path("/api/v1/officers/{id}", Map.of("id", officer))
                .path("/api/v1/programmes/{id}", Map.of("id", programme))
                .body("programmeCreate", cell -> programme())
                .personalData(nationalId)
                // governance README: an appointee's national ID is shown to the province's staff (the labour DG
                // nominates, the planning deputy decrees), the ministry and the person — masked for everyone else
                .personalDataVisibleTo("secretariat", "labour-dg", "planning-deputy")
                // README: GET /compliance is national — a provincial integration account is refused
                .expect("complianceNational", "integration", null, Expect.FORBIDDEN, "national roles only (README)")
                // README: interests are declared by the trustee themself (or staff on their behalf), not any trustee
                .expect("interestDeclare", "trustee", Scope.OWN, Expect.FORBIDDEN, "not this trustee's appointment")
                .run();
    }
}
