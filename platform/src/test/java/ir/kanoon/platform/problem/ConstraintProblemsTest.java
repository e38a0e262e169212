package ir.kanoon.platform.problem;

import io.agroal.api.AgroalDataSource;
import ir.kanoon.platform.testing.KanoonTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A constraint a service declares in {@link ConstraintProblems} answers with its own problem, not a generic one. */
@KanoonTest
class ConstraintProblemsTest {

    @Inject
    AgroalDataSource dataSource;

    private static io.restassured.response.ValidatableResponse insert(String code, String other, int seats) {
        return given().header("Accept-Language", "en")
                .post("/api/v1/constraint-probes/" + code + "/" + other + "/" + seats).then();
    }

    @Test
    void declaredUniqueConstraint_isItsNamedProblem_notTheGenericDuplicate() {
        String code = "c-" + UUID.randomUUID();
        insert(code, "o-" + UUID.randomUUID(), 1).statusCode(200);
        insert(code, "o-" + UUID.randomUUID(), 1).statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/probe.code-taken"))
                .body("title", equalTo("Code already taken"))
                .body("violations[0].field", equalTo("code"))
                .body("detail", not(containsString(code)));
    }

    @Test
    void declaredCheckConstraint_isA422NamingTheArticle() {
        insert("c-" + UUID.randomUUID(), "o-" + UUID.randomUUID(), 8).statusCode(422)
                .body("type", equalTo("/problems/probe.too-many-seats"))
                .body("rule", equalTo("Art. 6"));
    }

    @Test
    void undeclaredUniqueConstraint_staysTheGenericDuplicate() {
        String other = "o-" + UUID.randomUUID();
        insert("c-" + UUID.randomUUID(), other, 1).statusCode(200);
        insert("c-" + UUID.randomUUID(), other, 1).statusCode(409)
                .body("type", equalTo("/problems/duplicate"));
    }

    @Test
    void theDriverKeepsTheRowsValuesOutOfItsMessages_butTheConstraintNameIsKnown() throws Exception {
        // platform default logServerErrorDetail=false: "Key (code)=(…)" would put personal data in every log line
        String value = "personal-" + UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(ConstraintProbeResource.TABLE);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO constraint_probe (code, seats) VALUES (?, 1)")) {
                ps.setString(1, value);
                ps.executeUpdate();
                SQLException e = assertThrows(SQLException.class, ps::executeUpdate);
                StringBuilder all = new StringBuilder();
                for (Throwable t = e; t != null; t = t.getCause()) {
                    all.append(t).append('\n');
                }
                assertFalse(all.toString().contains(value), all.toString());
                assertTrue(all.toString().contains("constraint_probe_code_unique"), all.toString());
                assertTrue(Collisions.constraintOf(new RuntimeException(e)).equals("constraint_probe_code_unique"));
            }
        }
    }
}
