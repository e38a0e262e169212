package ir.kanoon.gateway.authz;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import ir.kanoon.gateway.problem.InvalidRequests;
import ir.kanoon.gateway.support.Peers;
import ir.kanoon.gateway.support.Peers.Answer;
import ir.kanoon.gateway.support.RouterProbe;
import ir.kanoon.gateway.support.StubUpstreams;
import ir.kanoon.gateway.support.Stubs;
import ir.kanoon.platform.testing.OidcTestResource;
import ir.kanoon.platform.testing.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, authorisation matrix — the gateway's own endpoints, which no service's matrix covers: every route the
 * gateway answers itself (read from its router, so a new one fails here until it is given a row) × every token
 * variant (none, expired, wrong audience, wrong issuer, bad signature, not a JWT, and a valid token of each realm
 * role in two provinces), plus hostile paths. The policy:
 * <ul>
 *   <li>public documentation ({@code /q/openapi}, {@code /q/asyncapi[/{service}]}, Swagger UI) is 200 to everyone,
 *       the same answer whatever the token, and shows nothing operational: no metrics, no health details, no
 *       upstream address, no stack trace;</li>
 *   <li>the public health status is {@code {"status":"UP"}} or {@code {"status":"DOWN"}} and nothing more;</li>
 *   <li>everything under {@code /api} without a valid token is 401 problem+json, whether or not the resource
 *       exists; with a valid token an unknown one is 404 (the public {@code provinces} need none);</li>
 *   <li>unknown {@code /q/**} paths (metrics, dev tools, …: the management port's) are 404 problem+json;</li>
 *   <li>hostile paths on these routes: a 4xx problem+json or the route's documented answer, never a 5xx.</li>
 * </ul>
 * The table goes to {@code target/authz-matrix/gateway.md} (copied to {@code docs/authz/gateway.md}).
 */
@QuarkusTest
@QuarkusTestResource(OidcTestResource.class)
@QuarkusTestResource(StubUpstreams.class)
class OwnEndpointsAuthorizationTest {

    /** Its own address, so the per-address limit of other tests' anonymous calls does not meet this one's. */
    private static final String CLIENT = "127.0.0.61";
    private static final String OWN = "IR-07";
    private static final String OTHER = "IR-04";
    private static final List<String> ROLES = List.of("ministry-admin", "ministry-analyst", "secretariat",
            "labour-dg", "planning-deputy", "trustee", "member", "applicant", "integration", "(no role)");
    private static final Set<String> INVALID = Set.of("none", "expired", "wrong-audience", "wrong-issuer",
            "bad-signature", "not-a-jwt");

    @Inject
    RouterProbe router;

    @Inject
    InvalidRequests invalidRequests;

    @BeforeEach
    void serversListenWithTheProblemAnswersInPlace() throws InterruptedException {
        // InvalidRequests is installed once the HTTP server has started (moments after the application)
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (invalidRequests.installed() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    enum Kind {
        /** Public documentation: 200 to everyone, the same whatever the token. */
        DOCUMENT,
        /** The plain public health status. */
        STATUS,
        /** The redirect to Swagger UI's page. */
        REDIRECT,
        /** The authenticated API: 401 without a valid token. */
        API,
        /** The public API resources (provinces): answered for everyone. */
        PUBLIC_API,
        /** Nothing is served there: 404 problem+json whatever the token. */
        NOT_FOUND
    }

    record Sample(String route, String path, Kind kind) {
    }

    /** Every route of the gateway's router, with the requests that stand for it. */
    private static final List<Sample> SAMPLES = List.of(
            new Sample("/q/openapi", "/q/openapi", Kind.DOCUMENT),
            new Sample("/q/asyncapi", "/q/asyncapi", Kind.DOCUMENT),
            new Sample("/q/asyncapi/:service", "/q/asyncapi/membership", Kind.DOCUMENT),
            new Sample("/q/asyncapi/:service", "/q/asyncapi/payroll", Kind.NOT_FOUND),
            new Sample("/q/swagger-ui", "/q/swagger-ui", Kind.REDIRECT),
            new Sample("/q/swagger-ui/", "/q/swagger-ui/", Kind.DOCUMENT),
            new Sample("/q/swagger-ui/", "/q/swagger-ui/kanoon-swagger-ui.js", Kind.DOCUMENT),
            new Sample("/q/swagger-ui/", "/q/swagger-ui/oauth2-redirect.html", Kind.DOCUMENT),
            new Sample("/q/health", "/q/health", Kind.STATUS),
            new Sample("/q/health/live", "/q/health/live", Kind.STATUS),
            new Sample("/q/health/ready", "/q/health/ready", Kind.STATUS),
            new Sample("/api/", "/api/v1/members", Kind.API),
            new Sample("/api/", "/api/v1/nothing-here", Kind.API),
            new Sample("/api/", "/api/v2/members", Kind.API),
            new Sample("/api/", "/api/v1/provinces/../members", Kind.API),
            new Sample("/api/", "/api/v1/provinces", Kind.PUBLIC_API),
            new Sample("(none: last)", "/q/metrics", Kind.NOT_FOUND),
            new Sample("(none: last)", "/q/health/started", Kind.NOT_FOUND),
            new Sample("(none: last)", "/q/dev-ui", Kind.NOT_FOUND),
            new Sample("(none: last)", "/q/info", Kind.NOT_FOUND),
            new Sample("(none: last)", "/", Kind.NOT_FOUND));

    /** Paths an attacker would try on the gateway's own routes: traversal, encoded slashes, huge, unicode. */
    private static final List<String> HOSTILE = List.of(
            "/q/asyncapi/..%2f..", "/q/asyncapi/..%2F..%2Fq%2Fmetrics", "/q/asyncapi/%2e%2e", "/q/asyncapi/%2e%2e/%2e%2e/q/metrics",
            "/q/asyncapi/membership/../../metrics", "/q/asyncapi/membership%2f..%2f..%2fmetrics", "/q/asyncapi/membership%00",
            "/q/asyncapi/%ZZ", "/q/asyncapi/" + "a".repeat(3000), "/q/asyncapi/%D9%85%D8%B1%DA%A9%D8%B2",
            "/q/asyncapi/\u0645\u0631\u06a9\u0632", "/q/asyncapi/membership\u202e\u200c", "/q/asyncapi//membership",
            "/q/swagger-ui/../", "/q/swagger-ui/..", "/q/swagger-ui/..%2f..%2fq%2fmetrics", "/q/swagger-ui/%2e%2e/%2e%2e/etc/passwd",
            "/q/swagger-ui/%00", "/q/swagger-ui/" + "b".repeat(3000) + ".js", "/q/swagger-ui/%C0%AE%C0%AE/", "/q/swagger-ui/\u0627.js",
            "/q/openapi/../health", "/q/openapi%2f..%2fmetrics", "/q/openapi/", "/q/openapi?format=yaml&x=%ZZ",
            "/q/health/..%2fready", "/q/health/%2e%2e/metrics", "/q//health", "/q/health/ready/../../metrics",
            "/%2e%2e/q/metrics", "/q/%2e%2e/q/metrics", "/api/v1/../../q/metrics", "/api/v1/%2e%2e/%2e%2e/q/metrics",
            "/api/v1/members%00", "/api/v1/" + "m".repeat(3000), "/api/v1/\u0627\u0639\u0636\u0627");

    @Test
    void everyOwnRoute_everyTokenVariant_answersByThePolicy_andShowsNothingOperational() {
        // every route the router has is in the table, and every row of the table is a route the router has
        Set<String> routes = new TreeSet<>(router.paths());
        Set<String> covered = new TreeSet<>();
        SAMPLES.forEach(s -> covered.add(s.route()));
        covered.remove("(none: last)");
        assertEquals(routes, covered, "the gateway's routes and this test's table differ");

        Map<String, String> tokens = tokens();
        Map<Sample, Map<String, Answer>> table = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        for (Sample sample : SAMPLES) {
            Map<String, Answer> row = new LinkedHashMap<>();
            String firstBody = null;
            for (Map.Entry<String, String> variant : tokens.entrySet()) {
                Answer a = variant.getValue() == null ? Peers.get(CLIENT, sample.path())
                        : Peers.get(CLIENT, sample.path(), "Authorization: Bearer " + variant.getValue());
                row.put(variant.getKey(), a);
                String failure = check(sample, variant.getKey(), a);
                if (failure == null && sample.kind() == Kind.DOCUMENT) {
                    // the token changes nothing: one document for everyone
                    if (firstBody == null) {
                        firstBody = a.body();
                    } else if (!firstBody.equals(a.body())) {
                        failure = "the answer differs with the token";
                    }
                }
                if (failure != null) {
                    failures.add(sample.path() + " with " + variant.getKey() + ": " + failure + " (" + a.status() + ")");
                }
            }
            table.put(sample, row);
        }
        write(table, tokens.keySet());
        assertTrue(failures.isEmpty(), failures.size() + " cells broke the policy:\n  " + String.join("\n  ", failures));
    }

    @Test
    void hostilePathsOnTheOwnRoutes_areA4xxProblemOrTheDocumentedAnswer_neverA5xx() {
        List<String> failures = new ArrayList<>();
        for (String path : HOSTILE) {
            for (String token : new String[] {null, TestTokens.ministryAdmin()}) {
                Answer a;
                try {
                    a = token == null ? Peers.get(CLIENT, path) : Peers.get(CLIENT, path, "Authorization: Bearer " + token);
                } catch (RuntimeException noAnswer) {
                    failures.add(path.substring(0, Math.min(path.length(), 80)) + ": no HTTP answer (" + noAnswer + ")");
                    continue;
                }
                String failure;
                if (a.status() >= 500) {
                    failure = "a 5xx";
                } else if (a.status() >= 400) {
                    failure = isProblem(a) ? null : "a " + a.status() + " that is not problem+json";
                } else {
                    // a 2xx/3xx is only ever one of the documented answers, and reveals nothing
                    failure = revealing(a);
                }
                if (failure != null) {
                    failures.add(path.substring(0, Math.min(path.length(), 80)) + (token == null ? "" : " (token)")
                            + ": " + failure + " — " + a.status() + " " + abbreviate(a.body()));
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static String check(Sample sample, String variant, Answer a) {
        boolean valid = !INVALID.contains(variant);
        return switch (sample.kind()) {
            case DOCUMENT -> a.status() != 200 ? "expected 200" : revealing(a);
            case STATUS -> a.status() == 200 && a.body().equals("{\"status\":\"UP\"}")
                    || a.status() == 503 && a.body().equals("{\"status\":\"DOWN\"}") ? null
                    : "expected only the plain status, got " + abbreviate(a.body());
            case REDIRECT -> a.status() == 302 && "/q/swagger-ui/".equals(a.header("Location")) ? null
                    : "expected 302 to /q/swagger-ui/";
            case PUBLIC_API -> a.status() == 200 ? null : "expected 200";
            case API -> {
                if (!valid) {
                    yield a.status() == 401 && isProblem(a) && a.header("WWW-Authenticate") != null ? null
                            : "expected a 401 problem with WWW-Authenticate";
                }
                if (sample.path().equals("/api/v1/members")) {
                    yield a.status() == 200 ? null : "expected the service's answer";
                }
                yield a.status() == 404 && isProblem(a) ? null : "expected a 404 problem";
            }
            case NOT_FOUND -> a.status() == 404 && isProblem(a) ? null : "expected a 404 problem";
        };
    }

    /** Null when the answer shows nothing operational. */
    private static String revealing(Answer a) {
        String body = a.body();
        for (String service : StubUpstreams.TABLE.keySet()) {
            String url = Stubs.url(service);
            String hostPort = url.substring(url.indexOf("//") + 2);
            if (body.contains(hostPort)) {
                return "shows the address of " + service;
            }
        }
        for (String secret : List.of("kanoon_gateway_", "# HELP", "\"checks\"", "Exception", "\tat ", "jvm_")) {
            if (body.contains(secret)) {
                return "shows '" + secret.strip() + "'";
            }
        }
        return null;
    }

    private static boolean isProblem(Answer a) {
        return a.header("Content-Type") != null && a.header("Content-Type").startsWith("application/problem+json");
    }

    private static Map<String, String> tokens() {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("none", null);
        tokens.put("expired", TestTokens.user("gw-expired").roles("ministry-admin").expired().sign());
        tokens.put("wrong-audience", TestTokens.user("gw-aud").roles("ministry-admin").audience("another-api").sign());
        tokens.put("wrong-issuer", TestTokens.user("gw-iss").roles("ministry-admin")
                .issuer("https://keycloak.test/realms/another").sign());
        tokens.put("bad-signature", TestTokens.user("gw-sig").roles("ministry-admin").badSignature().sign());
        tokens.put("not-a-jwt", "not-a-jwt");
        for (String role : ROLES) {
            for (String province : List.of(OWN, OTHER)) {
                tokens.put(role + " " + province, token(role, province));
            }
        }
        return tokens;
    }

    private static String token(String role, String province) {
        String subject = "gw-" + role.replaceAll("[^a-z-]", "") + "-" + province;
        return switch (role) {
            case "(no role)" -> TestTokens.user(subject).province(province).sign();
            case "integration" -> TestTokens.serviceAccount(subject).province(province).sign();
            case "member", "trustee" -> TestTokens.user(subject).roles(role).claim("member_province", province).sign();
            default -> TestTokens.user(subject).roles(role).province(province).sign();
        };
    }

    private static void write(Map<Sample, Map<String, Answer>> table, Set<String> variants) {
        StringBuilder md = new StringBuilder("# Authorisation matrix — gateway (its own endpoints)\n\n")
                .append("Generated by `gateway` `authz.OwnEndpointsAuthorizationTest`; do not edit. The routes the gateway ")
                .append("answers itself (read from its router), each with the requests that stand for it, × every token ")
                .append("variant; each cell is the status it answered. The services' endpoints behind `/api/v1` are in ")
                .append("their own tables. Policy: documentation is 200 to everyone, the same answer whatever the token, ")
                .append("and shows no metrics, health details, upstream addresses or stack traces; the public health ")
                .append("status is only `{\"status\":\"UP\"|\"DOWN\"}`; everything under `/api` without a valid token is ")
                .append("401 problem+json (with one, an unknown resource is 404); unknown `/q/**` paths are 404 problem+json ")
                .append("(metrics and health details are on the management port). `OwnEndpointsAuthorizationTest` also sends ")
                .append(HOSTILE.size()).append(" hostile paths (traversal, encoded slashes and dots, NUL, invalid ")
                .append("escapes, 3000-character names, Persian and bidi characters) with and without a token: never a ")
                .append("5xx, every 4xx problem+json.\n\n| route | request | kind |");
        variants.forEach(v -> md.append(' ').append(v).append(" |"));
        md.append("\n|---|---|---|").append("---|".repeat(variants.size())).append('\n');
        table.forEach((sample, row) -> {
            md.append("| `").append(sample.route()).append("` | `GET ").append(sample.path()).append("` | ")
                    .append(sample.kind().name().toLowerCase().replace('_', '-')).append(" |");
            variants.forEach(v -> md.append(' ').append(row.get(v).status()).append(" |"));
            md.append('\n');
        });
        try {
            Path dir = Path.of("target", "authz-matrix");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("gateway.md"), md);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
