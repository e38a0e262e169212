package ir.kanoon.platform.testing.authz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.kanoon.platform.testing.TestTokens;
import ir.kanoon.platform.testing.api.ApiClient;
import ir.kanoon.platform.testing.api.ApiClient.Answer;
import ir.kanoon.platform.testing.api.ApiClient.Call;
import ir.kanoon.platform.testing.api.ApiDocument;
import ir.kanoon.platform.testing.api.ApiOperation;
import ir.kanoon.platform.testing.api.Samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * The authorisation matrix of one service (issue 14): every operation of its {@code /q/openapi} × every realm role
 * (and none) × (own province, other province) × token variant, with the expected status computed from what the
 * operation declares ({@code x-roles}, "Any signed-in caller.", "No token needed.") and the conventions'
 * province rule, sent to the running service and checked. The table goes to
 * {@code target/authz-matrix/<service>.md}.
 *
 * <p>The policy (conventions, Security):
 * <ul>
 *   <li>no token, or an expired one, one for another audience, from another issuer or with a bad signature → 401
 *       on every operation that needs a token;</li>
 *   <li>a role the operation does not declare (or no role) → 403; a read-only role ({@code ministry-analyst},
 *       {@code integration} without {@code integration-write}) on a write → 403;</li>
 *   <li>a provincial role (staff scope {@code province}; {@code member}/{@code trustee} by {@code member_province};
 *       a provincial {@code integration} account) of the <em>other</em> province on a resource of the fixtures'
 *       province (its path ids, or a body naming that province) → never 2xx; on lists → 2xx allowed, but the
 *       answer must not contain any fixture id of the fixtures' province;</li>
 *   <li>a staff or member token without its province claim on such a resource, or writing → never 2xx;</li>
 *   <li>a declared role of the own province, and national roles → past the security checks (not 401/403);
 *       a service test declares where ownership or four eyes refuse more ({@link #expect});</li>
 *   <li>personal data ({@link #personalData}) appears only in answers to ministry roles and the own province's
 *       secretariat.</li>
 * </ul>
 * Writes that the policy allows run last and one at a time, so that the refusals are checked against the
 * fixtures as the test created them.
 */
public final class AuthorizationMatrix {

    public static final String NO_ROLE = "(no role)";
    public static final List<String> REALM_ROLES = List.of("ministry-admin", "ministry-analyst", "secretariat",
            "labour-dg", "planning-deputy", "trustee", "member", "applicant", "integration");
    private static final Set<String> STAFF = Set.of("secretariat", "labour-dg", "planning-deputy");
    private static final Set<String> PEOPLE = Set.of("member", "trustee");
    private static final Set<String> NATIONAL = Set.of("ministry-admin", "ministry-analyst");
    private static final Set<String> READ_ONLY = Set.of("ministry-analyst", "integration");
    private static final List<String> VARIANTS = List.of("none", "expired", "wrong-audience", "wrong-issuer",
            "bad-signature", "no-province");
    private static final ObjectMapper JSON = new ObjectMapper();

    public enum Scope { OWN, OTHER }

    private final String service;
    private ApiDocument document;
    private ApiClient client;
    private String own = "IR-07";
    private String other = "IR-04";
    private final Map<String, Map<String, String>> pathValues = new LinkedHashMap<>();
    private final Map<String, String> anyPathValues = new LinkedHashMap<>();
    private final Map<String, Function<Cell, Object>> bodies = new LinkedHashMap<>();
    private final Map<String, String> crossProvince = new LinkedHashMap<>();
    private final Map<String, Override> overrides = new LinkedHashMap<>();
    private final Set<String> personal = new LinkedHashSet<>();
    private final Set<String> personalVisibleTo = new LinkedHashSet<>(Set.of("secretariat"));
    private final Set<String> ownIds = new LinkedHashSet<>();
    private final Map<String, Object> hints = new LinkedHashMap<>();
    private Path output = Path.of("target", "authz-matrix");

    private record Override(Expect expect, String reason) {
    }

    /** One cell: the operation, the role and the side of the province line the token is on. */
    public record Cell(ApiOperation operation, String role, Scope scope, String variant) {
    }

    private record Result(Cell cell, Expect expect, int status, String failure) {
    }

    private AuthorizationMatrix(String service) {
        this.service = service;
    }

    public static AuthorizationMatrix of(String service) {
        return new AuthorizationMatrix(service);
    }

    public AuthorizationMatrix document(String openApiJson) {
        this.document = ApiDocument.parse(openApiJson);
        return this;
    }

    public AuthorizationMatrix baseUri(URI base) {
        this.client = new ApiClient(base);
        return this;
    }

    /** The province the fixtures live in ({@code own}) and the one whose tokens must not reach them. */
    public AuthorizationMatrix provinces(String own, String other) {
        this.own = own;
        this.other = other;
        return this;
    }

    /**
     * Path parameter values of a resource of the own province for one path template, e.g.
     * {@code path("/api/v1/applications/{id}", Map.of("id", appId))}; a template prefix applies to longer
     * templates too ({@code /api/v1/applications/{id}} also fills {@code /api/v1/applications/{id}/decision}).
     */
    public AuthorizationMatrix path(String templatePrefix, Map<String, String> values) {
        pathValues.put(templatePrefix, values);
        values.values().stream().filter(AuthorizationMatrix::isId).forEach(ownIds::add);
        return this;
    }

    /**
     * As {@link #path}, for a parent every province may see (a published tour, an idea whose title is public) whose
     * sub-resources are still the own province's: its id in another province's list is no leak, so it is not added
     * to the ids the leak check looks for; the sub-resources under the template are checked like any other.
     */
    public AuthorizationMatrix announcedPath(String templatePrefix, Map<String, String> values) {
        pathValues.put(templatePrefix, values);
        return this;
    }

    /** A value for a path parameter of this name wherever no {@link #path} entry gives one. */
    public AuthorizationMatrix pathParam(String name, String value) {
        anyPathValues.put(name, value);
        if (isId(value)) {
            ownIds.add(value);
        }
        return this;
    }

    /** Only UUIDs count as the fixtures' identities for the leak check (a province code or a year is no secret). */
    private static boolean isId(String value) {
        return value.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    }

    /** Another id of an own-province resource that a list must not show to another province. */
    public AuthorizationMatrix ownId(String id) {
        ownIds.add(id);
        return this;
    }

    /** The request body for an operation (otherwise a {@link Samples sample} of its schema). */
    public AuthorizationMatrix body(String operationId, Function<Cell, Object> body) {
        bodies.put(operationId, body);
        return this;
    }

    /** A value for every body property of this name in generated bodies. */
    public AuthorizationMatrix hint(String field, Object value) {
        hints.put(field, value);
        return this;
    }

    /** An operation the conventions let every province read (a public directory, reference data): say why. */
    public AuthorizationMatrix crossProvince(String operationId, String reason) {
        crossProvince.put(operationId, reason);
        return this;
    }

    /** A cell where the service refuses (or allows) more than the generic policy: say why (rule, four eyes, …). */
    public AuthorizationMatrix expect(String operationId, String role, Scope scope, Expect expect, String reason) {
        for (Scope s : scope == null ? Scope.values() : new Scope[] {scope}) {
            overrides.put(operationId + "|" + role + "|" + s, new Override(expect, reason));
        }
        return this;
    }

    /** Values (national IDs, mobiles, birth dates of own-province people) that must be masked for others. */
    public AuthorizationMatrix personalData(String... values) {
        personal.addAll(List.of(values));
        return this;
    }

    /** The own province's staff roles that see personal data besides the ministry (default: secretariat). */
    public AuthorizationMatrix personalDataVisibleTo(String... staffRoles) {
        personalVisibleTo.clear();
        personalVisibleTo.addAll(List.of(staffRoles));
        return this;
    }

    public AuthorizationMatrix output(Path directory) {
        this.output = directory;
        return this;
    }

    /** Sends every cell, writes the table, and fails with every cell that answered against the policy. */
    public void run() {
        List<ApiOperation> ops = new ArrayList<>(document.apiOperations());
        ops.sort(Comparator.comparing((ApiOperation o) -> !o.isRead()).thenComparing(ApiOperation::path)
                .thenComparing(ApiOperation::method));
        List<String> roles = new ArrayList<>(REALM_ROLES);
        for (ApiOperation op : ops) {
            op.roles().stream().filter(r -> !roles.contains(r)).forEach(roles::add);
        }
        roles.add(NO_ROLE);

        List<Cell> first = new ArrayList<>();
        List<Cell> last = new ArrayList<>();
        for (ApiOperation op : ops) {
            for (String variant : VARIANTS) {
                Cell c = new Cell(op, variantRole(op, variant), Scope.OWN, variant);
                if (c.role() != null) {
                    (op.isRead() || expect(c) == Expect.REFUSED || expect(c) == Expect.UNAUTHORIZED ? first : last).add(c);
                }
            }
            for (String role : roles) {
                for (Scope scope : Scope.values()) {
                    Cell c = new Cell(op, role, scope, null);
                    Expect e = expect(c);
                    (op.isRead() || e == Expect.FORBIDDEN || e == Expect.REFUSED || e == Expect.UNAUTHORIZED
                            ? first : last).add(c);
                }
            }
        }
        Map<Cell, Result> results = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Cell c : first) {
                futures.add(pool.submit(() -> results.put(c, check(c))));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
        for (Cell c : last) {
            results.put(c, check(c));
        }
        List<String> failures = new ArrayList<>();
        results.values().stream().filter(r -> r.failure() != null)
                .sorted(Comparator.comparing(r -> r.cell().operation().path()))
                .forEach(r -> failures.add(r.failure()));
        write(ops, roles, results, failures.size());
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " of " + results.size() + " cells of " + service
                    + "'s authorisation matrix broke the policy (table: " + output.resolve(service + ".md") + "):\n  "
                    + String.join("\n  ", failures.subList(0, Math.min(60, failures.size()))));
        }
    }

    /** The role a token variant is minted for: one the operation declares, so that only the variant is wrong. */
    private String variantRole(ApiOperation op, String variant) {
        List<String> declared = op.access() == ApiOperation.Access.ROLES ? op.roles()
                : List.of("secretariat", "member", "ministry-admin");
        if (!variant.equals("no-province")) {
            return declared.stream().filter(STAFF::contains).findFirst()
                    .orElse(declared.stream().filter(r -> !READ_ONLY.contains(r) || op.isRead()).findFirst()
                            .orElse(declared.get(0)));
        }
        return declared.stream().filter(STAFF::contains).findFirst()
                .orElse(declared.stream().filter(PEOPLE::contains).findFirst().orElse(null));
    }

    private boolean provincial(String role) {
        return STAFF.contains(role) || PEOPLE.contains(role) || role.equals("integration");
    }

    Expect expect(Cell c) {
        ApiOperation op = c.operation();
        if (c.variant() != null) {
            if (c.variant().equals("no-province")) {
                if (op.access() == ApiOperation.Access.PUBLIC) {
                    return Expect.ANY;
                }
                // a write or read aimed at the fixtures' province needs the scope; one's own things (a directory
                // entry, a question anyone may ask anywhere) do not
                return targetsOwnProvince(op, c.role()) && !crossProvince.containsKey(op.operationId())
                        ? Expect.REFUSED : Expect.SCOPED;
            }
            return op.access() == ApiOperation.Access.PUBLIC ? Expect.ANY : Expect.UNAUTHORIZED;
        }
        Override o = overrides.get(op.operationId() + "|" + c.role() + "|" + c.scope());
        if (o != null) {
            return o.expect();
        }
        if (op.access() == ApiOperation.Access.PUBLIC) {
            return Expect.ANY;
        }
        if (op.access() == ApiOperation.Access.ROLES && !op.roles().contains(c.role())) {
            return Expect.FORBIDDEN;
        }
        if (!op.isRead() && READ_ONLY.contains(c.role())) {
            return Expect.FORBIDDEN;
        }
        if (c.scope() == Scope.OTHER && provincial(c.role()) && !crossProvince.containsKey(op.operationId())
                && targetsOwnProvince(op, c.role())) {
            return Expect.REFUSED;
        }
        if (c.scope() == Scope.OTHER && provincial(c.role()) && !crossProvince.containsKey(op.operationId())
                && op.isRead()) {
            return Expect.SCOPED;
        }
        return Expect.ALLOWED;
    }

    /**
     * Does the request reach a resource of the fixtures' province: its path ids, or — for staff, whose scope is
     * where they act — a body naming the province? (A person may apply or register in another province's
     * Association; that is not a cross-province write.)
     */
    private boolean targetsOwnProvince(ApiOperation op, String role) {
        if (!op.pathParams().isEmpty()) {
            Map<String, String> values = valuesFor(op);
            return op.pathParams().stream().allMatch(p -> values.containsKey(p.name()));
        }
        boolean staffLike = !PEOPLE.contains(role) && !role.equals("applicant");
        if (!op.isRead() && staffLike && op.queryParams().stream().anyMatch(q -> q.name().equals("province"))) {
            return true;
        }
        if (!op.isRead() && op.hasBody() && staffLike) {
            return bodyText(new Cell(op, "ministry-admin", Scope.OWN, null)).contains("\"" + own + "\"");
        }
        return false;
    }

    private Map<String, String> valuesFor(ApiOperation op) {
        Map<String, String> values = new LinkedHashMap<>(anyPathValues);
        pathValues.entrySet().stream().filter(e -> op.path().startsWith(e.getKey()))
                .sorted(Comparator.comparingInt(e -> e.getKey().length()))
                .forEach(e -> values.putAll(e.getValue()));
        return values;
    }

    private String bodyText(Cell c) {
        try {
            Function<Cell, Object> given = bodies.get(c.operation().operationId());
            if (given != null) {
                Object b = given.apply(c);
                return b instanceof String s ? s : JSON.writeValueAsString(b);
            }
            if (c.operation().bodySchema() == null) {
                return "{}";
            }
            Samples samples = new Samples(document, own);
            hints.forEach(samples::hint);
            JsonNode sample = samples.of(c.operation().bodySchema());
            return JSON.writeValueAsString(sample);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String token(Cell c) {
        String province = c.scope() == Scope.OWN ? own : other;
        if (c.variant() != null) {
            TestTokens.Builder b = builder(c.role(), province, !c.variant().equals("no-province"));
            return switch (c.variant()) {
                case "none" -> null;
                case "expired" -> b.expired().sign();
                case "wrong-audience" -> b.audience("another-api").sign();
                case "wrong-issuer" -> b.issuer("https://keycloak.test/realms/another").sign();
                case "bad-signature" -> b.badSignature().sign();
                default -> b.sign();
            };
        }
        return builder(c.role(), province, true).sign();
    }

    private static TestTokens.Builder builder(String role, String province, boolean withProvince) {
        if (role.equals(NO_ROLE)) {
            return TestTokens.user("authz-norole");
        }
        if (role.equals("integration")) {
            TestTokens.Builder b = TestTokens.serviceAccount("authz-" + province);
            return withProvince ? b.province(province) : b;
        }
        TestTokens.Builder b = TestTokens.user("authz-" + role + (NATIONAL.contains(role) || role.equals("applicant")
                ? "" : "-" + province)).roles(role);
        if (!withProvince) {
            return b;
        }
        if (PEOPLE.contains(role)) {
            return b.claim("member_province", province);
        }
        if (STAFF.contains(role) || !NATIONAL.contains(role) && !role.equals("applicant")) {
            return b.province(province);
        }
        return b;
    }

    private Result check(Cell c) {
        ApiOperation op = c.operation();
        Expect expect = expect(c);
        String path = op.fill(valuesFor(op), UUID.randomUUID().toString());
        StringBuilder query = new StringBuilder();
        for (ApiOperation.Param q : op.queryParams()) {
            if (q.name().equals("province")) {
                query.append(query.isEmpty() ? "?" : "&").append("province=").append(own);
            }
        }
        Call call = Call.of(op.method(), path + query).bearer(token(c)).header("Accept-Language", "en");
        if (!op.isRead()) {
            if (op.method().equals("POST")) {
                call.header("Idempotency-Key", UUID.randomUUID().toString());
            }
            if (op.readsIfMatch()) {
                call.header("If-Match", currentETag(op, path));
            }
            if (op.hasBody()) {
                call = call.json(bodyText(c));
            }
        }
        Answer a = client.send(call);
        String failure = null;
        String where = op.method() + " " + op.path() + " [" + op.operationId() + "] as "
                + (c.variant() != null ? c.variant() + " token (" + c.role() + ")" : c.role() + " of " + c.scope()
                + " province");
        if (!expect.accepts(a.status())) {
            failure = where + ": " + a.status() + ", expected " + expect + " — " + abbreviate(a.body());
        } else if (a.status() >= 400 && !a.isProblem()) {
            failure = where + ": " + a.status() + " is not application/problem+json (" + a.contentType() + ")";
        } else if (a.is2xx()) {
            boolean otherSide = c.variant() != null || c.scope() == Scope.OTHER && provincial(c.role());
            if (otherSide && !crossProvince.containsKey(op.operationId())) {
                for (String id : ownIds) {
                    if (a.body() != null && a.body().contains(id)) {
                        failure = where + ": answer shows " + own + "'s resource " + id;
                        break;
                    }
                }
            }
            boolean mayseePersonal = NATIONAL.contains(c.role()) && c.variant() == null
                    || personalVisibleTo.contains(c.role()) && c.scope() == Scope.OWN && c.variant() == null;
            if (failure == null && !mayseePersonal) {
                for (String value : personal) {
                    if (a.body() != null && a.body().contains(value)) {
                        failure = where + ": answer shows personal data '" + value + "' unmasked";
                        break;
                    }
                }
            }
        }
        return new Result(c, expect, a.status(), failure);
    }

    private String currentETag(ApiOperation op, String path) {
        String resource = op.method().equals("POST") ? path.substring(0, path.lastIndexOf('/')) : path;
        Answer a = client.send(Call.of("GET", resource).bearer(TestTokens.ministryAdmin()));
        return a.header("etag").orElse("\"0\"");
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }

    private void write(List<ApiOperation> ops, List<String> roles, Map<Cell, Result> results, int failures) {
        Map<String, Result> byKey = new LinkedHashMap<>();
        results.forEach((c, r) -> byKey.put(key(c.operation(), c.variant() != null ? c.variant()
                : c.role() + "|" + c.scope()), r));
        StringBuilder md = new StringBuilder();
        md.append("# Authorisation matrix — ").append(service).append("-service\n\n")
                .append("Generated by `AuthorizationMatrixTest` (platform-testing `authz.AuthorizationMatrix`) from the ")
                .append("service's `/q/openapi`; do not edit. Own province ").append(own).append(" (the fixtures' ")
                .append("resources), other province ").append(other).append(". ").append(results.size())
                .append(" cells, ").append(failures).append(" against the policy.\n\n")
                .append("Each cell is `expected actual`: `401` exactly 401; `403` exactly 403; `¬2xx` never 2xx ")
                .append("(another province's resource, or a token without its province); `scoped` a list of another ")
                .append("province: refused, or 2xx without the own province's fixtures; `ok` past the security ")
                .append("checks (not 401/403; a 4xx may be about the request or state); `any` anything but 5xx. ")
                .append("Every 4xx is problem+json; no 5xx anywhere. A 2xx to the other province must not show ")
                .append("any of the own province's fixture ids; personal data only to ministry roles and the own ")
                .append("secretariat. ✗ marks a broken cell. Token variants use a declared role of the own ")
                .append("province; `no-province` drops its `province`/`member_province` claim.\n\n");
        if (!crossProvince.isEmpty()) {
            md.append("Readable across provinces by design:\n\n");
            crossProvince.forEach((op, why) -> md.append("* `").append(op).append("`: ").append(why).append('\n'));
            md.append('\n');
        }
        if (!overrides.isEmpty()) {
            md.append("Declared exceptions to the generic policy:\n\n");
            overrides.forEach((k, o) -> {
                String[] parts = k.split("\\|");
                md.append("* `").append(parts[0]).append("` as ").append(parts[1]).append(" of ").append(parts[2])
                        .append(" province: ").append(o.expect().mark).append(" — ").append(o.reason()).append('\n');
            });
            md.append('\n');
        }
        md.append("| operation | method path | roles |");
        VARIANTS.forEach(v -> md.append(' ').append(v).append(" |"));
        roles.forEach(r -> md.append(' ').append(r).append(" own | ").append(r).append(" other |"));
        md.append('\n').append("|---|---|---|");
        md.append("---|".repeat(VARIANTS.size() + roles.size() * 2)).append('\n');
        for (ApiOperation op : ops) {
            md.append("| ").append(op.operationId()).append(" | ").append(op.method()).append(' ')
                    .append(op.path()).append(" | ").append(switch (op.access()) {
                        case PUBLIC -> "public";
                        case SIGNED_IN -> "signed-in";
                        case ROLES -> String.join(", ", op.roles());
                    }).append(" |");
            for (String v : VARIANTS) {
                md.append(' ').append(cell(byKey.get(key(op, v)))).append(" |");
            }
            for (String r : roles) {
                for (Scope s : Scope.values()) {
                    md.append(' ').append(cell(byKey.get(key(op, r + "|" + s)))).append(" |");
                }
            }
            md.append('\n');
        }
        try {
            Files.createDirectories(output);
            Files.writeString(output.resolve(service + ".md"), md);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String key(ApiOperation op, String column) {
        return op.method() + " " + op.path() + "|" + column;
    }

    private static String cell(Result r) {
        if (r == null) {
            return "—";
        }
        String text = r.expect().mark + " " + r.status();
        if (r.expect() == Expect.UNAUTHORIZED || r.expect() == Expect.FORBIDDEN) {
            text = r.status() == Integer.parseInt(r.expect().mark) ? r.expect().mark : r.expect().mark + " " + r.status();
        }
        return r.failure() == null ? text : "**✗ " + text + "**";
    }
}
