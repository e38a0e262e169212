package ir.kanoon.membership.support;

import ir.kanoon.platform.problem.Messages;
import ir.kanoon.platform.problem.Problem;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Locale;

/**
 * PLATFORM GAP (to move into platform's ProblemMapper): concurrency failures the database detects are
 * client-visible conflicts, not 500s. Two writers racing past the same {@code If-Match} meet Hibernate's
 * version check; two applications of one person racing past the service check meet a partial unique
 * index. Both become a 409 problem telling the client to read again.
 */
public class PersistenceProblems {

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response concurrentChange(RuntimeException e, HttpHeaders headers, UriInfo uri) {
        return problem("concurrent-change", headers, uri);
    }

    @ServerExceptionMapper
    public Response constraint(ConstraintViolationException e, HttpHeaders headers, UriInfo uri) {
        String name = e.getConstraintName() == null ? "" : e.getConstraintName();
        String code = name.contains("one_open_per_person") ? "person.open-application"
                : name.contains("one_per_person") ? "person.existing-membership" : "concurrent-change";
        return problem(code, headers, uri);
    }

    private static Response problem(String code, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.resolve(headers);
        String detail = Messages.find(locale, code + ".detail", "?", "?", "?");
        Problem p = new Problem("/problems/" + code, Messages.find(locale, code + ".title"), 409, detail,
                uri == null ? null : "/" + uri.getPath().replaceFirst("^/", ""), null, null, null);
        return Response.status(409).type(Problem.MEDIA_TYPE).header(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage())
                .entity(p).build();
    }
}
