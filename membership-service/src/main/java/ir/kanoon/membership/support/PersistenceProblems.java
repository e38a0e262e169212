package ir.kanoon.membership.support;

import ir.kanoon.platform.problem.ProblemMapper;
import ir.kanoon.platform.problem.Problems;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one-person rule's unique indexes are the backstop when two applications of one person race past
 * the service's own check: name that rule in the 409 instead of the platform's generic "duplicate".
 * (Optimistic-lock failures and other collisions are 409s in the platform's ProblemMapper already.)
 */
public class PersistenceProblems {

    private final ProblemMapper problems = new ProblemMapper();

    @ServerExceptionMapper
    public Response constraint(ConstraintViolationException e, HttpHeaders headers, UriInfo uri) {
        String name = e.getConstraintName() == null ? "" : e.getConstraintName();
        if (name.contains("one_open_per_person")) {
            return problems.apiException(Problems.conflict("person.open-application", "?", "?"), headers, uri);
        }
        if (name.contains("one_per_person")) {
            return problems.apiException(Problems.conflict("person.existing-membership", "?", "?"), headers, uri);
        }
        return problems.unexpected(e, headers, uri);
    }
}
