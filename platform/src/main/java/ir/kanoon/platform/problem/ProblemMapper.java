package ir.kanoon.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns every exception that reaches JAX-RS into RFC 9457 problem+json in the caller's language.
 * Nothing internal (stack traces, SQL, class names) is ever written to the response; an unexpected
 * exception is a 500 with a correlation id that is logged once, with its stack trace, on our side.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @Inject
    ConstraintRegistry constraints;

    @ServerExceptionMapper
    public Response apiException(ApiException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.resolve(headers);
        List<Problem.Violation> violations = e.fieldErrors().isEmpty() ? null : e.fieldErrors().stream()
                .map(f -> new Problem.Violation(f.field(), Messages.get(locale, f.key(), f.args())))
                .toList();
        String detail = Messages.find(locale, e.code() + ".detail", e.args());
        if (detail == null && violations != null) {
            detail = violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
        }
        Response.ResponseBuilder response = respond(new Problem(type(e.code()), title(locale, e.code(), e.status()),
                e.status(), detail, path(uri), e.rule(), violations, null), locale);
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, HttpHeaders headers, UriInfo uri) {
        boolean ourBug = e.getConstraintViolations().stream().anyMatch(ProblemMapper::isReturnValue);
        if (ourBug) {
            return internalError(e, headers, uri);
        }
        Locale locale = Messages.resolve(headers);
        List<Problem.Violation> violations = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            violations.add(new Problem.Violation(fieldOf(v.getPropertyPath()), v.getMessage()));
        }
        violations.sort(java.util.Comparator.comparing(Problem.Violation::field));
        return respond(new Problem(type("validation"), title(locale, "validation", 400), 400,
                violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; ")),
                path(uri), null, violations, null), locale).build();
    }

    /**
     * A body that is not JSON, or JSON of the wrong shape: name the field, never the Java type. The
     * subclasses are listed because Quarkus ships its own mapper for some of them, and the mapper for the
     * most specific type wins.
     */
    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, JsonMappingException.class,
            MismatchedInputException.class, InvalidFormatException.class, UnrecognizedPropertyException.class,
            com.fasterxml.jackson.databind.exc.ValueInstantiationException.class})
    public Response unreadableJson(JsonProcessingException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.resolve(headers);
        String field = "body";
        String key = "json.malformed";
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            field = jsonPath(m.getPath());
            key = e instanceof UnrecognizedPropertyException ? "json.unknown-field"
                    : e instanceof InvalidFormatException || e instanceof MismatchedInputException ? "json.wrong-type"
                    : "json.malformed";
        } else if (!(e instanceof JsonParseException)) {
            key = "json.wrong-type";
        }
        InputCoercionException coercion = e instanceof InputCoercionException c ? c
                : e.getCause() instanceof InputCoercionException c ? c : null;
        if (coercion != null) {
            key = "json.out-of-range"; // a number too large for its field: the JSON itself is fine
            if ("body".equals(field)) {
                field = fieldBeingRead(coercion, field);
            }
        }
        List<Problem.Violation> violations = List.of(new Problem.Violation(field, Messages.get(locale, key)));
        return respond(new Problem(type("validation"), title(locale, "validation", 400), 400,
                field + ": " + violations.get(0).message(), path(uri), null, violations, null), locale).build();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class})
    public Response unauthorized(Exception e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.resolve(headers);
        return respond(new Problem(type("unauthorized"), title(locale, "unauthorized", 401), 401,
                Messages.find(locale, "unauthorized.detail"), path(uri), null, null, null), locale)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"kanoon\"")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.resolve(headers);
        return respond(new Problem(type("forbidden"), title(locale, "forbidden", 403), 403,
                Messages.find(locale, "forbidden.detail"), path(uri), null, null, null), locale).build();
    }

    /** JAX-RS's own errors (unknown path, wrong method, unsupported media type, …) keep their status. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, headers, uri);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, headers, uri);
        }
        if (e.getCause() instanceof ApiException api) {
            return apiException(api, headers, uri); // e.g. a query parameter that did not convert
        }
        Locale locale = Messages.resolve(headers);
        String code = "http." + status;
        Response.ResponseBuilder response = respond(new Problem(type(code), title(locale, code, status), status,
                Messages.find(locale, code + ".detail"), path(uri), null, null, null), locale);
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            response.header(HttpHeaders.ALLOW, allow);
        }
        return response.build();
    }

    /**
     * Anything else is our bug — a 500 whose only detail is a correlation id, logged once in full —
     * except the database telling us two requests collided (optimistic lock, unique key, serialization
     * failure): that is a 409 the client can retry, however deep it is wrapped by the transaction.
     */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpHeaders headers, UriInfo uri) {
        ConstraintProblem declared = constraints == null ? null
                : constraints.find(Collisions.constraintOf(e)).orElse(null);
        if (declared != null) {
            // A constraint the service declared (ConstraintProblems): its own problem, not a generic one.
            LOG.debugf("Constraint %s refused a write on %s", Collisions.constraintOf(e), path(uri));
            return constraint(declared, headers, uri);
        }
        if (Collisions.isRefusedValue(e)) {
            // PostgreSQL refused a value that slipped past validation (a NUL character, a number out of
            // range, …): the client's input, not our bug.
            LOG.debugf(e, "Value refused by the database on %s", path(uri));
            Locale locale = Messages.resolve(headers);
            return respond(new Problem(type("invalid-value"), title(locale, "invalid-value", 400), 400,
                    Messages.find(locale, "invalid-value.detail"), path(uri), null, null, null), locale).build();
        }
        String collision = Collisions.codeOf(e);
        if (collision != null) {
            LOG.debugf(e, "Concurrent or duplicate write on %s", path(uri));
            Locale locale = Messages.resolve(headers);
            return respond(new Problem(type(collision), title(locale, collision, 409), 409,
                    Messages.find(locale, collision + ".detail"), path(uri), null, null, null), locale).build();
        }
        if (Collisions.isDatabaseUnavailable(e)) {
            LOG.warnf("Database unavailable on %s: %s", path(uri), e.getMessage());
            Locale locale = Messages.resolve(headers);
            return respond(new Problem(type("unavailable"), title(locale, "unavailable", 503), 503,
                    Messages.find(locale, "unavailable.detail"), path(uri), null, null, null), locale)
                    .header("Retry-After", "2").build();
        }
        return internalError(e, headers, uri);
    }

    private Response constraint(ConstraintProblem p, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.resolve(headers);
        String detail = Messages.find(locale, p.detailKeyOrDefault(), p.args());
        List<Problem.Violation> violations = p.field() == null ? null
                : List.of(new Problem.Violation(p.field(), detail != null ? detail : title(locale, p.code(), p.status())));
        return respond(new Problem(type(p.code()), title(locale, p.code(), p.status()), p.status(), detail, path(uri),
                p.rule(), violations, null), locale).build();
    }

    private Response internalError(Throwable e, HttpHeaders headers, UriInfo uri) {
        String correlationId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", correlationId, path(uri));
        Locale locale = Messages.resolve(headers);
        return respond(new Problem(type("internal"), title(locale, "internal", 500), 500,
                Messages.get(locale, "internal.detail", correlationId), path(uri), null, null, correlationId),
                locale).build();
    }

    private static Response.ResponseBuilder respond(Problem problem, Locale locale) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage())
                .entity(problem);
    }

    static String type(String code) {
        return "/problems/" + code;
    }

    private static String title(Locale locale, String code, int status) {
        String title = Messages.find(locale, code + ".title");
        if (title == null) {
            title = Messages.find(locale, "http." + status + ".title");
        }
        return title != null ? title : Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    private static boolean isReturnValue(ConstraintViolation<?> v) {
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code create.body.person.nationalId} → {@code person.nationalId}; a query or header parameter
     * keeps its own name. The method and parameter names are ours, not the client's.
     */
    static String fieldOf(Path path) {
        List<String> parts = new ArrayList<>();
        boolean sawParameter = false;
        String parameterName = null;
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR -> { }
                case PARAMETER -> {
                    sawParameter = true;
                    parameterName = node.getName();
                }
                default -> {
                    String name = node.getName();
                    if (node.getIndex() != null && !parts.isEmpty()) {
                        int last = parts.size() - 1;
                        parts.set(last, parts.get(last) + "[" + node.getIndex() + "]");
                    }
                    if (name != null) {
                        parts.add(name);
                    }
                }
            }
        }
        if (parts.isEmpty()) {
            return sawParameter && parameterName != null ? parameterName : "body";
        }
        return String.join(".", parts);
    }

    private static String fieldBeingRead(InputCoercionException e, String fallback) {
        try {
            String name = e.getProcessor() == null ? null : e.getProcessor().currentName();
            return name != null ? name : fallback;
        } catch (java.io.IOException unreadable) {
            return fallback;
        }
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.isEmpty() ? "body" : out.toString();
    }
}
