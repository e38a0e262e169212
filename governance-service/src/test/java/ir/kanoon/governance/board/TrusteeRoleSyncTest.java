package ir.kanoon.governance.board;

import io.agroal.api.AgroalDataSource;
import ir.kanoon.platform.testing.KanoonTest;
import ir.kanoon.platform.testing.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import static ir.kanoon.governance.support.Gov.base;
import static ir.kanoon.governance.support.Gov.etag;
import static ir.kanoon.governance.support.Gov.issueDecree;
import static ir.kanoon.governance.support.Gov.nominate;
import static ir.kanoon.governance.support.Gov.nomination;
import static ir.kanoon.governance.support.Gov.postIfMatch;
import static ir.kanoon.governance.support.Gov.readyForDecree;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The governance side of the role sync: an active appointment desires realm role {@code trustee} for its linked
 * Keycloak user, scoped by {@code member_province} (never {@code province}); leaving the seat revokes it. The push
 * to Keycloak is the platform's job (its own tests); the real token is the e2e suite's.
 */
@KanoonTest
class TrusteeRoleSyncTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void decreeGrantsTrusteeScopedByMemberProvince_leavingRevokes() throws Exception {
        String p = "IR-28";
        String user = "trustee-user-" + System.nanoTime();
        Map<String, Object> form = new java.util.HashMap<>(nomination("WORKERS_SECRETARY", "OFFICE_HOLDER"));
        form.put("userId", user);
        String id = nominate(p, form);
        readyForDecree(p, id, "WORKERS_SECRETARY");
        assertEquals(List.of(), row(user)); // nothing before the decree (R5)
        issueDecree(TestTokens.planningDeputy(p), p, id, "ح-77").statusCode(200);
        assertEquals(List.of("trustee", "true", p, "member_province"), row(user));
        String path = base(p) + "/" + id;
        postIfMatch(TestTokens.secretariat(p), path + "/end", etag(TestTokens.secretariat(p), path), Map.of("reason", "RESIGNED"))
                .statusCode(200);
        assertEquals(List.of("trustee", "false", p, "member_province"), row(user));
    }

    private List<String> row(String user) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT role, granted, scope_province, scope_attribute FROM role_sync WHERE user_subject = ?")) {
            s.setString(1, user);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return List.of();
                }
                return List.of(r.getString(1), String.valueOf(r.getBoolean(2)), r.getString(3), r.getString(4));
            }
        }
    }
}
