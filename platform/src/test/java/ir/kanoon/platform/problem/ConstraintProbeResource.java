package ir.kanoon.platform.problem;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/** Test application: writes that PostgreSQL refuses by named constraints, some declared, one not. */
@Path("/api/v1/constraint-probes")
public class ConstraintProbeResource {

    static final String TABLE = """
            CREATE TABLE IF NOT EXISTS constraint_probe (
                code  text    NOT NULL CONSTRAINT constraint_probe_code_unique UNIQUE,
                other text             CONSTRAINT constraint_probe_other_unique UNIQUE,
                seats integer NOT NULL CONSTRAINT constraint_probe_seats_ck CHECK (seats <= 7))""";

    /** What the test service declares, as a service's {@code ConstraintProblems} bean would. */
    @ApplicationScoped
    public static class ProbeConstraints implements ConstraintProblems {
        @Override
        public Map<String, ConstraintProblem> byConstraint() {
            return Map.of(
                    "constraint_probe_code_unique", ConstraintProblem.conflict("probe.code-taken").onField("code"),
                    "constraint_probe_seats_ck", ConstraintProblem.rule("Art. 6", "probe.too-many-seats"));
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @POST
    @PermitAll
    @Path("{code}/{other}/{seats}")
    @Transactional
    public String insert(@PathParam("code") String code, @PathParam("other") String other,
                         @PathParam("seats") int seats) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO constraint_probe (code, other, seats) VALUES (?, ?, ?)")) {
            s.execute(TABLE);
            ps.setString(1, code);
            ps.setString(2, other);
            ps.setInt(3, seats);
            ps.executeUpdate();
            return code;
        } catch (SQLException e) {
            // wrapped twice, as a persistence layer would: the mapper must still find the constraint
            throw new IllegalStateException(new RuntimeException(e));
        }
    }
}
