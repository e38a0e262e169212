package ir.kanoon.governance.access;

import ir.kanoon.governance.board.BoardResource;
import ir.kanoon.governance.compliance.ComplianceResource;
import ir.kanoon.governance.interest.InterestResource;
import ir.kanoon.governance.officer.OfficerResource;
import ir.kanoon.governance.programme.ProgrammeResource;
import ir.kanoon.governance.report.ReportResource;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every resource is closed by default ({@code @DenyAll}) and every endpoint declares its roles; read-only roles never write. */
class DeclaredRolesTest {

    static final List<Class<?>> RESOURCES = List.of(BoardResource.class, OfficerResource.class, ComplianceResource.class,
            ReportResource.class, ProgrammeResource.class, InterestResource.class);

    @Test
    void everyEndpointDeclaresItsRoles_andNoWriteAdmitsAReadOnlyRole() {
        for (Class<?> c : RESOURCES) {
            assertNotNull(c.getAnnotation(DenyAll.class), c.getSimpleName() + " is not @DenyAll by default");
            for (Method m : c.getDeclaredMethods()) {
                boolean write = m.isAnnotationPresent(POST.class) || m.isAnnotationPresent(PUT.class)
                        || m.isAnnotationPresent(PATCH.class) || m.isAnnotationPresent(DELETE.class);
                if (!write && !m.isAnnotationPresent(GET.class)) {
                    continue;
                }
                RolesAllowed roles = m.getAnnotation(RolesAllowed.class);
                assertNotNull(roles, c.getSimpleName() + "#" + m.getName() + " declares no roles");
                assertTrue(roles.value().length > 0);
                if (write) {
                    List<String> r = List.of(roles.value());
                    assertFalse(r.contains("ministry-analyst") || r.contains("integration"),
                            c.getSimpleName() + "#" + m.getName() + " lets a read-only role write");
                }
            }
        }
    }
}
