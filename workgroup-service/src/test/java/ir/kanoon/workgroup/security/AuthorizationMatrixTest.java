package ir.kanoon.workgroup.security;

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
 * Issue 14, authorisation matrix: every operation of workgroup's OpenAPI × every realm role × own/other
 * province × token variant (conventions, Security). Fixtures (a working group with a seat, a scheduled and a
 * held meeting, a resolution) live in {@value #OWN}; {@value #OTHER} tokens must never reach them.
 * Table: {@code target/authz-matrix/workgroup.md}.
 */
@KanoonTest
class AuthorizationMatrixTest {

    static final String OWN = "IR-27";
    static final String OTHER = "IR-28";

    @Test
    void everyOperationRoleProvinceAndTokenVariant_answersAsDeclared_noCrossProvinceReadsOrWrites() {
        WorkgroupFixtures f = WorkgroupFixtures.in(OWN);
        AuthorizationMatrix matrix = AuthorizationMatrix.of("workgroup")
                .document(given().accept("application/json").get("/q/openapi").asString())
                .baseUri(URI.create("http://localhost:" + RestAssured.port))
                .provinces(OWN, OTHER)
                .path("/api/v1/working-groups/{id}", Map.of("id", f.group(), "seatId", f.seat()))
                .path("/api/v1/meetings/{id}", Map.of("id", f.meeting()))
                .path("/api/v1/resolutions/{id}", Map.of("id", f.resolution()))
                .ownId(f.heldMeeting());
        // the fixtures' meetings are the Board's: a member or trustee convenes and records meetings of their
        // working group, never the Board's — that is staff's (convene.forbidden)
        for (String op : List.of("meetingCancel", "meetingInviteGuest", "meetingHeld", "meetingReschedule",
                "meetingAddResolution", "resolutionAddNote", "resolutionStatus")) {
            for (String role : List.of("member", "trustee")) {
                matrix.expect(op, role, Scope.OWN, Expect.FORBIDDEN, "Board meetings are convened and recorded by staff");
            }
        }
        matrix.run();
    }
}
