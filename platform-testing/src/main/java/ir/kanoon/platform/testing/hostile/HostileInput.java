package ir.kanoon.platform.testing.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import ir.kanoon.platform.testing.TestTokens;
import ir.kanoon.platform.testing.api.ApiClient;
import ir.kanoon.platform.testing.api.ApiClient.Answer;
import ir.kanoon.platform.testing.api.ApiClient.Call;
import ir.kanoon.platform.testing.api.ApiDocument;
import ir.kanoon.platform.testing.api.ApiOperation;
import ir.kanoon.platform.testing.api.Samples;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hostile input for one service (issue 14): at least {@link #requests} malformed or random requests, spread over
 * every operation of its {@code /q/openapi} in turn — bad path ids and query parameters, one body field at a time
 * replaced by a wrong type, a huge or unicode-edge string, an injection string, a number beyond range or an
 * unknown enum value; fields removed; bodies that are not JSON, too deep or of the wrong media type; bad
 * {@code If-Match} and {@code Idempotency-Key} headers — sent as {@code ministry-admin} (so that they pass the
 * role checks and reach the validation) at the fixtures' resources.
 *
 * <p>Checked: no 5xx (and no dropped connection), every 4xx is {@code application/problem+json}, an unknown JSON
 * field is a 400 naming it (platform README: unknown fields are rejected), and no stored data changed by a
 * rejected request: requests go in blocks, every table of the service's database is checksummed before and after
 * each block ({@link TableChecksums}); a block where a mutated write was accepted (2xx: the mutation was valid
 * after all) is re-based and its rejected writes sent again alone, so that they are checked too.
 *
 * <p>The seed is printed; {@code -Dkanoon.hostile.seed=<seed>} replays the same requests.
 */
public final class HostileInput {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RAW = "@@RAW@@";
    private static final String UNKNOWN_FIELD = "zzUnknownField";
    private static final int BLOCK = 250;
    private static final String OVERSIZE = " body of 2 MB";
    /** Replaced when sent by the resource's current ETag, so that the request is refused for what was broken. */
    private static final String CURRENT_ETAG = "@current-etag@";

    enum Kind { PATH_ID, QUERY, FIELD, MISSING_FIELD, UNKNOWN_FIELD, RAW_BODY, MEDIA_TYPE, HEADER }

    private record Generated(ApiOperation op, Kind kind, Call call, String what) {
    }

    private final String service;
    private ApiDocument document;
    private ApiClient client;
    private String province = "IR-07";
    private String token;
    private final Map<String, Map<String, String>> pathValues = new LinkedHashMap<>();
    private final Map<String, String> anyPathValues = new LinkedHashMap<>();
    private final Map<String, Object> hints = new LinkedHashMap<>();
    private final Map<String, Object> bodies = new LinkedHashMap<>();
    private TableChecksums checksums;
    private final Set<String> excluded = new HashSet<>(Set.of("outbox_event", "processed_event", "role_sync"));
    private int requests = 10_000;
    private Path output = Path.of("target", "hostile-input");

    private HostileInput(String service) {
        this.service = service;
    }

    public static HostileInput of(String service) {
        return new HostileInput(service);
    }

    public HostileInput document(String openApiJson) {
        this.document = ApiDocument.parse(openApiJson);
        return this;
    }

    public HostileInput baseUri(URI base) {
        this.client = new ApiClient(base);
        return this;
    }

    public HostileInput province(String province) {
        this.province = province;
        return this;
    }

    /**
     * The token every request carries. By default each operation gets one of a role it declares, of the
     * fixtures' province — a staff role first (they pass the province checks), then {@code ministry-admin}, then
     * a member of the province — so that requests pass the security checks and reach the validation.
     */
    public HostileInput token(String token) {
        this.token = token;
        return this;
    }

    /** Path values of real resources, as in {@code AuthorizationMatrix#path}. */
    public HostileInput path(String templatePrefix, Map<String, String> values) {
        pathValues.put(templatePrefix, values);
        return this;
    }

    public HostileInput pathParam(String name, String value) {
        anyPathValues.put(name, value);
        return this;
    }

    public HostileInput hint(String field, Object value) {
        hints.put(field, value);
        return this;
    }

    /** A valid body for an operation, which the generator then breaks one field at a time. */
    public HostileInput body(String operationId, Object body) {
        bodies.put(operationId, body);
        return this;
    }

    /**
     * The service's database. Tables the platform's background threads change on their own (outbox relay,
     * consumers, role sync) are left out; {@link #exclude} more with a reason in the test.
     */
    public HostileInput dataSource(DataSource dataSource) {
        this.checksums = null;
        this.dataSourceValue = dataSource;
        return this;
    }

    private DataSource dataSourceValue;

    public HostileInput exclude(String... tables) {
        excluded.addAll(List.of(tables));
        return this;
    }

    public HostileInput requests(int requests) {
        this.requests = requests;
        return this;
    }

    /** Sends them all; fails listing every answer that broke a rule. Returns the number of requests sent. */
    public int run() {
        long seed = Long.getLong("kanoon.hostile.seed", System.nanoTime());
        System.out.println("[hostile-input] " + service + " seed=" + seed + " (replay: -Dkanoon.hostile.seed=" + seed + ")");
        Random random = new Random(seed);
        checksums = new TableChecksums(dataSourceValue, excluded);
        List<ApiOperation> ops = document.apiOperations();
        Map<String, JsonNode> base = new LinkedHashMap<>();
        for (ApiOperation op : ops) {
            base.put(op.operationId(), baseBody(op));
        }
        List<Generated> all = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            ApiOperation op = ops.get(i % ops.size());
            all.add(generate(op, base.get(op.operationId()), random));
        }
        List<String> failures = new ArrayList<>();
        Map<String, AtomicInteger> statuses = new TreeMap<>();
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger replayed = new AtomicInteger();
        AtomicInteger comparedBlocks = new AtomicInteger();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int from = 0; from < all.size(); from += BLOCK) {
                List<Generated> block = all.subList(from, Math.min(all.size(), from + BLOCK));
                TreeMap<String, String> before = quiet();
                Map<Generated, Answer> answers = new ConcurrentHashMap<>();
                List<Future<?>> futures = new ArrayList<>();
                Map<String, String> etags = new ConcurrentHashMap<>();
                for (Generated g : block) {
                    futures.add(pool.submit(() -> answers.put(g, client.send(current(g, etags)))));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
                boolean writeAccepted = false;
                for (Generated g : block) {
                    Answer a = answers.get(g);
                    statuses.computeIfAbsent(g.kind() + " " + a.status(), k -> new AtomicInteger()).incrementAndGet();
                    check(g, a, failures);
                    if (a.is2xx() && !g.op().isRead()) {
                        writeAccepted = true;
                        accepted.incrementAndGet();
                    }
                }
                if (!writeAccepted) {
                    compare(before, checksums.take(), block, failures);
                    comparedBlocks.incrementAndGet();
                    continue;
                }
                // some mutation was valid after all: check the block's rejected writes again, alone
                List<Generated> rejected = block.stream()
                        .filter(g -> !g.op().isRead() && !answers.get(g).is2xx()).toList();
                TreeMap<String, String> rebased = quiet();
                boolean again = false;
                Map<String, String> replayTags = new ConcurrentHashMap<>();
                for (Generated g : rejected) {
                    Answer a = client.send(current(g, replayTags));
                    replayed.incrementAndGet();
                    check(g, a, failures);
                    again |= a.is2xx();
                }
                if (!again) {
                    compare(rebased, checksums.take(), rejected, failures);
                    comparedBlocks.incrementAndGet();
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        report(seed, all.size() + replayed.get(), accepted.get(), comparedBlocks.get(), millis, statuses, failures);
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " hostile requests to " + service + " broke a rule (seed "
                    + seed + "):\n  " + String.join("\n  ", failures.subList(0, Math.min(40, failures.size()))));
        }
        return all.size() + replayed.get();
    }

    /** The call with the current ETag of its resource in place of {@link #CURRENT_ETAG}. */
    private Call current(Generated g, Map<String, String> etags) {
        Call c = g.call();
        if (!CURRENT_ETAG.equals(c.headers().get("If-Match"))) {
            return c;
        }
        String path = c.pathAndQuery();
        int q = path.indexOf('?');
        path = q < 0 ? path : path.substring(0, q);
        String resource = g.op().method().equals("POST") ? path.substring(0, path.lastIndexOf('/')) : path;
        String auth = c.headers().get("Authorization");
        String etag = etags.computeIfAbsent(resource + " " + auth, k -> {
            Call read = Call.of("GET", resource).header("Authorization", auth);
            return client.send(read).header("etag").orElse("\"0\"");
        });
        java.util.LinkedHashMap<String, String> headers = new java.util.LinkedHashMap<>(c.headers());
        headers.put("If-Match", etag);
        return new Call(c.method(), c.pathAndQuery(), headers, c.body());
    }

    /** The checksums once two readings a little apart agree (an accepted write may still echo in a consumer). */
    private TreeMap<String, String> quiet() throws InterruptedException {
        TreeMap<String, String> last = checksums.take();
        for (int i = 0; i < 50; i++) {
            Thread.sleep(100);
            TreeMap<String, String> now = checksums.take();
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        return last;
    }

    private void compare(TreeMap<String, String> before, TreeMap<String, String> after, List<Generated> block,
                         List<String> failures) {
        if (before.equals(after)) {
            return;
        }
        List<String> changed = new ArrayList<>();
        after.forEach((t, sum) -> {
            if (!sum.equals(before.get(t))) {
                changed.add(t);
            }
        });
        List<String> writes = block.stream().filter(g -> !g.op().isRead()).map(g -> g.what()).limit(5).toList();
        failures.add("rejected requests changed stored data in " + changed + "; writes of the block include " + writes);
    }

    private void check(Generated g, Answer a, List<String> failures) {
        String where = g.kind() + " " + g.what() + " → ";
        if (a.status() < 0) {
            failures.add(where + "connection dropped: " + a.body() + " — " + g.call());
        } else if (a.status() >= 500) {
            failures.add(where + a.status() + " " + abbreviate(a.body()) + " — " + g.call());
        } else if (a.status() == 414 || a.status() == 431) {
            // the HTTP codec refuses a request line over quarkus.http.limits.max-initial-line-length (4 KB) or
            // headers over max-header-size (20 KB) before any route runs, with no body (platform README)
            codecRefusals.incrementAndGet();
        } else if (a.status() >= 400 && !a.isProblem()) {
            failures.add(where + a.status() + " not problem+json (" + a.contentType() + ") " + abbreviate(a.body()));
        } else if (g.what().endsWith(OVERSIZE) && a.status() != 413) {
            failures.add(where + a.status() + ": a body over the 1 MB limit must be a 413 problem");
        } else if (g.kind() == Kind.UNKNOWN_FIELD && (a.status() != 400 || !a.body().contains(UNKNOWN_FIELD))) {
            failures.add(where + a.status() + ": an unknown JSON field must be a 400 naming it — "
                    + abbreviate(a.body()));
        }
    }

    private JsonNode baseBody(ApiOperation op) {
        if (!op.hasBody()) {
            return null;
        }
        if (bodies.containsKey(op.operationId())) {
            return JSON.valueToTree(bodies.get(op.operationId()));
        }
        Samples samples = new Samples(document, province);
        hints.forEach(samples::hint);
        return samples.of(op.bodySchema());
    }

    private Map<String, String> valuesFor(ApiOperation op) {
        Map<String, String> values = new LinkedHashMap<>(anyPathValues);
        pathValues.entrySet().stream().filter(e -> op.path().startsWith(e.getKey()))
                .sorted(Comparator.comparingInt(e -> e.getKey().length()))
                .forEach(e -> values.putAll(e.getValue()));
        return values;
    }

    private Generated generate(ApiOperation op, JsonNode body, Random r) {
        List<Kind> kinds = new ArrayList<>(List.of(Kind.QUERY, Kind.HEADER));
        if (!op.pathParams().isEmpty()) {
            kinds.add(Kind.PATH_ID);
        }
        if (body != null) {
            kinds.add(Kind.RAW_BODY);
            kinds.add(Kind.MEDIA_TYPE);
            if (body.isObject() && body.size() > 0) {
                kinds.addAll(List.of(Kind.FIELD, Kind.FIELD, Kind.FIELD, Kind.MISSING_FIELD, Kind.UNKNOWN_FIELD));
            }
        }
        Kind kind = kinds.get(r.nextInt(kinds.size()));
        Map<String, String> values = valuesFor(op);
        String path = op.fill(values, UUID.randomUUID().toString());
        String what = op.operationId();
        String query = "";
        String bodyText = body == null ? null : write(body);
        String contentType = "application/json";
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept-Language", r.nextBoolean() ? "en" : "fa");
        if (op.method().equals("POST")) {
            headers.put("Idempotency-Key", UUID.randomUUID().toString());
        }
        if (op.readsIfMatch()) {
            headers.put("If-Match", CURRENT_ETAG);
        }
        switch (kind) {
            case PATH_ID -> {
                ApiOperation.Param p = op.pathParams().get(r.nextInt(op.pathParams().size()));
                String bad = pick(r, HostileValues.PATH_IDS);
                values = new LinkedHashMap<>(values);
                values.put(p.name(), encode(bad));
                path = op.fill(values, UUID.randomUUID().toString());
                what += " {" + p.name() + "}=" + abbreviate(bad);
            }
            case QUERY -> {
                List<String> names = new ArrayList<>(op.queryParams().stream().map(ApiOperation.Param::name).toList());
                names.add("limit");
                names.add("cursor");
                names.add("unknownParam");
                String name = pick(r, names);
                String bad = pick(r, HostileValues.QUERY);
                query = "?" + name + "=" + encode(bad);
                what += " ?" + name + "=" + abbreviate(bad);
            }
            case FIELD -> {
                List<String> fields = fields(body);
                String field = pick(r, fields);
                String raw = hostileJson(r);
                bodyText = replaceField(body, field, raw);
                what += " ." + field + "=" + abbreviate(raw);
            }
            case MISSING_FIELD -> {
                ObjectNode copy = body.deepCopy();
                List<String> names = new ArrayList<>();
                copy.fieldNames().forEachRemaining(names::add);
                if (r.nextInt(4) == 0) {
                    copy.removeAll();
                    what += " {} (every field missing)";
                } else {
                    String name = pick(r, names);
                    copy.remove(name);
                    what += " without ." + name;
                }
                bodyText = write(copy);
            }
            case UNKNOWN_FIELD -> {
                ObjectNode copy = body.deepCopy();
                copy.put(UNKNOWN_FIELD, r.nextBoolean() ? "x" : "1");
                bodyText = write(copy);
                what += " +." + UNKNOWN_FIELD;
            }
            case RAW_BODY -> {
                if (r.nextInt(60) == 0) {
                    bodyText = "{\"x\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}";
                    what += OVERSIZE;
                } else {
                    bodyText = pick(r, HostileValues.RAW_BODIES);
                    what += " body " + abbreviate(bodyText);
                }
            }
            case MEDIA_TYPE -> {
                contentType = pick(r, List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=x", "application/json; charset=latin1", "*/*", "garbage",
                        "application/merge-patch+json"));
                what += " Content-Type: " + contentType;
            }
            case HEADER -> {
                if (r.nextBoolean() || !op.method().equals("POST")) {
                    String bad = pick(r, HostileValues.IF_MATCH);
                    headers.put("If-Match", bad);
                    what += " If-Match: " + abbreviate(bad);
                } else {
                    String bad = pick(r, HostileValues.IDEMPOTENCY_KEYS);
                    headers.put("Idempotency-Key", bad);
                    what += " Idempotency-Key: " + abbreviate(bad);
                }
            }
        }
        Call call = Call.of(op.method(), path + query).bearer(token != null ? token : tokenFor(op));
        headers.forEach(call::header);
        if (bodyText != null) {
            call = call.body(contentType, bodyText.getBytes(StandardCharsets.UTF_8));
        }
        return new Generated(op, kind, call, what);
    }

    private final AtomicInteger codecRefusals = new AtomicInteger();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    private String tokenFor(ApiOperation op) {
        List<String> roles = op.roles();
        String role = roles.isEmpty() ? "ministry-admin" : List.of("secretariat", "labour-dg", "planning-deputy",
                "ministry-admin", "member", "trustee", "applicant").stream().filter(roles::contains).findFirst()
                .orElse(roles.get(0));
        return tokens.computeIfAbsent(role, r -> switch (r) {
            case "secretariat", "labour-dg", "planning-deputy" -> TestTokens.user("hostile-" + r).roles(r)
                    .province(province).sign();
            case "member", "trustee" -> TestTokens.user("hostile-" + r).roles(r).claim("member_province", province)
                    .sign();
            case "integration" -> TestTokens.serviceAccount("hostile").sign();
            default -> TestTokens.user("hostile-" + r).roles(r).sign();
        });
    }

    private static String hostileJson(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> pick(r, HostileValues.NUMBERS);
            case 1 -> pick(r, HostileValues.WRONG_TYPES);
            case 2 -> "\"NOT_A_VALUE\"";
            default -> write(TextNode.valueOf(pick(r, HostileValues.STRINGS)));
        };
    }

    /** Dotted paths of the body's properties, nested objects and first array items included. */
    private static List<String> fields(JsonNode body) {
        List<String> result = new ArrayList<>();
        collect(body, "", result, 0);
        return result;
    }

    private static void collect(JsonNode node, String prefix, List<String> out, int depth) {
        if (depth > 3) {
            return;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
                out.add(p);
                collect(e.getValue(), p, out, depth + 1);
            }
        } else if (node.isArray() && node.size() > 0) {
            String p = prefix + ".0";
            out.add(p);
            collect(node.get(0), p, out, depth + 1);
        }
    }

    private static String replaceField(JsonNode body, String field, String raw) {
        JsonNode copy = body.deepCopy();
        String[] parts = field.split("\\.");
        JsonNode parent = copy;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = parent.isArray() ? parent.get(Integer.parseInt(parts[i])) : parent.get(parts[i]);
        }
        String last = parts[parts.length - 1];
        if (parent.isArray()) {
            ((com.fasterxml.jackson.databind.node.ArrayNode) parent).set(Integer.parseInt(last), TextNode.valueOf(RAW));
        } else {
            ((ObjectNode) parent).set(last, TextNode.valueOf(RAW));
        }
        return write(copy).replace("\"" + RAW + "\"", raw);
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static <T> T pick(Random r, List<T> list) {
        return list.get(r.nextInt(list.size()));
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= 120 ? s : s.substring(0, 120) + "…(" + s.length() + " chars)";
    }

    private void report(long seed, int sent, int accepted, int blocks, long millis, Map<String, AtomicInteger> statuses,
                        List<String> failures) {
        StringBuilder md = new StringBuilder("# Hostile input — ").append(service).append("-service\n\n")
                .append("seed ").append(seed).append(", ").append(sent).append(" requests in ").append(millis)
                .append(" ms, ").append(accepted).append(" mutated writes accepted (valid after all), ")
                .append(blocks).append(" blocks checksummed unchanged or failed, ").append(codecRefusals.get())
                .append(" refused by the HTTP codec (414/431, over-long request line or headers), ").append(failures.size())
                .append(" failures.\n\n| kind status | count |\n|---|---|\n");
        statuses.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        failures.forEach(f -> md.append("\n* ").append(f));
        try {
            Files.createDirectories(output);
            Files.writeString(output.resolve(service + ".md"), md);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
