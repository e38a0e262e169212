import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Least privilege for the role-sync service accounts (issue 14), with Keycloak's fine-grained admin permissions v2.
 * Run through {@code deploy/keycloak/apply-role-sync-permissions URL} (a JDK is all it needs: single-file source
 * launch, no library — the launcher must work on a machine with only a JDK).
 *
 * <p>Signs in to the master realm (a server administrator: a user through admin-cli with KEYCLOAK_ADMIN_USER /
 * KEYCLOAK_ADMIN_PASSWORD, or a client with a service account, KEYCLOAK_ADMIN_CLIENT_ID / _SECRET), then, from
 * role-sync-permissions.json beside this file (or ROLE_SYNC_PERMISSIONS), idempotently — run it after every import
 * or upgrade:
 * <ol>
 * <li>turns on the realm's "Admin permissions" ({@code adminPermissionsEnabled}), which creates the admin-permissions
 *     client;</li>
 * <li>removes every realm_management (client {@code realm-management}) role from each sync account: an admin role
 *     such as manage-users bypasses the permissions entirely (it maps any non-admin realm role, ministry-admin
 *     included);</li>
 * <li>creates or updates, in the admin-permissions client: a role policy per sync account and one naming all of
 *     them, on the client role "role-sync" of each sync client (created here and given to its service account). Not
 *     user policies: for a service account's token the policy engine's identity is the client, so a user policy
 *     naming the service-account user never matches (measured: 403 on every call). Role, not client policies (which
 *     also work): the documentation asks for user, group or role policies on permissions granting "view". One Users
 *     permission (all users; the file's userScopes) for all sync accounts — one, not one per account: admin
 *     permissions are evaluated unanimously, so two all-users permissions with different policies would each deny
 *     the other account. Per account and role a Roles permission on that role alone with scope {@code "map-role"}:
 *     the only realm roles an account can grant or revoke. Stale permissions and policies of this step (prefix
 *     "role-sync: ") are deleted.</li>
 * </ol>
 * Why not in the realm file: the permissions name the roles' ids, which the import generates, and importing the
 * admin-permissions client's authorization settings is fragile (keycloak/keycloak#44360). What it cannot do:
 * separate attributes — Keycloak's user profile knows only the editors "admin" and "user", so an account that may
 * write member_province (scope manage) may also write the staff scope province; the services never do
 * (RoleSync.requireNotStaffScope) and admin events record it (deploy/README.md, "Production realm").
 */
public final class ApplyRoleSyncPermissions {

    static final String PREFIX = "role-sync: ";
    static final String MARKER = "role-sync";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
    private final String base;
    private String token;

    ApplyRoleSyncPermissions(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            fail("usage: deploy/keycloak/apply-role-sync-permissions KEYCLOAK_URL (with KEYCLOAK_ADMIN_USER and "
                    + "KEYCLOAK_ADMIN_PASSWORD, or KEYCLOAK_ADMIN_CLIENT_ID and KEYCLOAK_ADMIN_CLIENT_SECRET)");
        }
        Path here = Path.of(System.getProperty("role-sync.dir", "deploy/keycloak"));
        String file = System.getenv().getOrDefault("ROLE_SYNC_PERMISSIONS", here.resolve("role-sync-permissions.json").toString());
        Map<String, Object> config = map(Json.parse(Files.readString(Path.of(file))));
        ApplyRoleSyncPermissions kc = new ApplyRoleSyncPermissions(args[0].replaceAll("/+$", ""));
        try {
            kc.token = kc.adminToken();
            kc.apply(config);
        } catch (IOException e) {
            fail("cannot reach Keycloak at " + args[0] + ": " + e);
        }
    }

    void apply(Map<String, Object> config) throws Exception {
        String realm = (String) config.get("realm");
        String a = "/admin/realms/" + realm;
        Map<String, Object> rep = map(get(a));
        if (!Boolean.TRUE.equals(rep.get("adminPermissionsEnabled"))) {
            send("PUT", a, Map.of("adminPermissionsEnabled", true));
            rep = map(get(a));
            say("admin permissions turned on in realm " + realm);
        }
        Object permClient = rep.get("adminPermissionsClient") == null ? null : map(rep.get("adminPermissionsClient")).get("id");
        if (permClient == null) {
            fail("realm " + realm + " has no admin-permissions client: is feature admin-fine-grained-authz:v2 on?");
        }
        String authz = a + "/clients/" + permClient + "/authz/resource-server";
        String realmManagement = (String) map(list(get(a + "/clients?clientId=realm-management")).get(0)).get("id");

        record Account(String client, String marker, List<Map<String, Object>> roles) { }
        List<Account> accounts = new ArrayList<>();
        for (Object o : list(config.get("accounts"))) {
            Map<String, Object> acc = map(o);
            String client = (String) acc.get("client");
            List<Object> clients = list(get(a + "/clients?clientId=" + q(client)));
            if (clients.isEmpty()) {
                fail("no client " + client + " in realm " + realm);
            }
            String clientUuid = (String) map(clients.get(0)).get("id");
            String user = (String) map(get(a + "/clients/" + clientUuid + "/service-account-user")).get("id");
            String mappings = a + "/users/" + user + "/role-mappings/clients/" + realmManagement;
            List<Object> mapped = list(get(mappings));
            if (!mapped.isEmpty()) {
                send("DELETE", mappings, mapped);
                say(client + ": removed realm-management " + mapped.stream().map(r -> (String) map(r).get("name"))
                        .sorted().collect(Collectors.joining(", ")));
            }
            String marker = ensureMarkerRole(a, client, clientUuid, user);
            List<Map<String, Object>> roles = new ArrayList<>();
            for (Object r : list(acc.get("roles"))) {
                roles.add(map(get(a + "/roles/" + q((String) r))));
            }
            accounts.add(new Account(client, marker, roles));
        }

        Map<String, List<String>> wantedPolicies = new LinkedHashMap<>();
        Map<String, Map<String, Object>> wantedPermissions = new LinkedHashMap<>();
        String allName = PREFIX + "every sync account";
        wantedPolicies.put(allName, accounts.stream().map(Account::marker).toList());
        for (Account acc : accounts) {
            wantedPolicies.put(PREFIX + acc.client(), List.of(acc.marker()));
            for (Map<String, Object> role : acc.roles()) {
                wantedPermissions.put(PREFIX + acc.client() + " maps " + role.get("name"), Map.of(
                        "resourceType", "Roles", "resources", List.of(role.get("id")), "scopes", List.of("map-role"),
                        "policies", List.of(PREFIX + acc.client())));
            }
        }
        wantedPermissions.put(PREFIX + "read and update users, map their roles", Map.of(
                "resourceType", "Users", "resources", List.of(), "scopes", config.get("userScopes"),
                "policies", List.of(allName)));

        Map<String, Map<String, Object>> existing = byName(get(authz + "/policy?max=1000&permission=false"));
        for (Map.Entry<String, List<String>> e : wantedPolicies.entrySet()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", e.getKey());
            body.put("type", "role");
            body.put("logic", "POSITIVE");
            body.put("decisionStrategy", "UNANIMOUS");
            body.put("roles", e.getValue().stream().map(id -> Map.of("id", id, "required", false)).toList());
            body.put("fetchRoles", false);
            body.put("description", "role-sync service accounts (deploy/keycloak/apply-role-sync-permissions)");
            Map<String, Object> current = existing.get(e.getKey());
            if (current != null && !"role".equals(current.get("type"))) {
                send("DELETE", authz + "/policy/" + current.get("id"), null);
                current = null;
            }
            upsert(authz + "/policy/role", current, body);
        }
        Map<String, Map<String, Object>> existingPerms = byName(get(authz + "/permission?max=1000"));
        for (Map.Entry<String, Map<String, Object>> e : wantedPermissions.entrySet()) {
            Map<String, Object> body = new LinkedHashMap<>(e.getValue());
            body.put("name", e.getKey());
            body.put("type", "scope");
            body.put("logic", "POSITIVE");
            body.put("decisionStrategy", "UNANIMOUS");
            body.put("description", "deploy/keycloak/apply-role-sync-permissions");
            upsert(authz + "/permission/scope", existingPerms.get(e.getKey()), body);
        }
        for (Map.Entry<String, Map<String, Object>> e : existingPerms.entrySet()) {
            if (e.getKey().startsWith(PREFIX) && !wantedPermissions.containsKey(e.getKey())) {
                send("DELETE", authz + "/permission/" + e.getValue().get("id"), null);
                say("deleted stale permission " + e.getKey());
            }
        }
        for (Map.Entry<String, Map<String, Object>> e : existing.entrySet()) {
            if (e.getKey().startsWith(PREFIX) && !wantedPolicies.containsKey(e.getKey())) {
                send("DELETE", authz + "/policy/" + e.getValue().get("id"), null);
                say("deleted stale policy " + e.getKey());
            }
        }
        say("role-sync accounts least-privilege in realm " + realm + ": " + accounts.stream()
                .map(acc -> acc.client() + " maps " + acc.roles().stream().map(r -> (String) r.get("name"))
                        .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; ")));
    }

    /**
     * The client role MARKER of the sync client, held by its service account; returns its id. A client's own roles
     * reach its tokens even with fullScopeAllowed off (measured), and a role policy is one the partial evaluation of
     * "view" is documented to understand.
     */
    private String ensureMarkerRole(String a, String client, String clientUuid, String serviceAccount) throws Exception {
        String roles = a + "/clients/" + clientUuid + "/roles";
        if (list(get(roles)).stream().noneMatch(r -> MARKER.equals(map(r).get("name")))) {
            send("POST", roles, Map.of("name", MARKER, "description", "held by the service account: the role-sync "
                    + "admin permissions name it (deploy/keycloak/apply-role-sync-permissions)"));
            say(client + ": created client role " + MARKER);
        }
        Map<String, Object> role = map(get(roles + "/" + MARKER));
        String mappings = a + "/users/" + serviceAccount + "/role-mappings/clients/" + clientUuid;
        if (list(get(mappings)).stream().noneMatch(r -> MARKER.equals(map(r).get("name")))) {
            send("POST", mappings, List.of(role));
            say(client + ": service account given client role " + MARKER);
        }
        return (String) role.get("id");
    }

    private void upsert(String path, Map<String, Object> current, Map<String, Object> body) throws Exception {
        if (current == null) {
            send("POST", path, body);
            say("created " + body.get("name"));
        } else {
            Map<String, Object> withId = new LinkedHashMap<>(body);
            withId.put("id", current.get("id"));
            send("PUT", path + "/" + current.get("id"), withId);
        }
    }

    private String adminToken() throws Exception {
        Map<String, String> env = System.getenv();
        Map<String, String> form = new LinkedHashMap<>();
        if (env.get("KEYCLOAK_ADMIN_CLIENT_ID") != null && !env.get("KEYCLOAK_ADMIN_CLIENT_ID").isEmpty()) {
            form.put("grant_type", "client_credentials");
            form.put("client_id", env.get("KEYCLOAK_ADMIN_CLIENT_ID"));
            form.put("client_secret", env.getOrDefault("KEYCLOAK_ADMIN_CLIENT_SECRET", ""));
        } else if (env.get("KEYCLOAK_ADMIN_USER") != null && env.get("KEYCLOAK_ADMIN_PASSWORD") != null) {
            // no default: the local launcher passes its bootstrap administrator explicitly, production its own
            form.put("grant_type", "password");
            form.put("client_id", "admin-cli");
            form.put("username", env.get("KEYCLOAK_ADMIN_USER"));
            form.put("password", env.get("KEYCLOAK_ADMIN_PASSWORD"));
        } else {
            fail("set KEYCLOAK_ADMIN_USER and KEYCLOAK_ADMIN_PASSWORD, or KEYCLOAK_ADMIN_CLIENT_ID and "
                    + "KEYCLOAK_ADMIN_CLIENT_SECRET (a server administrator of the master realm)");
        }
        String encoded = form.entrySet().stream().map(e -> q(e.getKey()) + "=" + q(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/realms/master/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            fail("cannot sign in to the master realm at " + base + ": HTTP " + r.statusCode() + " " + cut(r.body(), 300));
        }
        return (String) map(Json.parse(r.body())).get("access_token");
    }

    private Object get(String path) throws Exception {
        return send("GET", path, null);
    }

    private Object send(String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(Json.write(body)));
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            fail(method + " " + path + ": HTTP " + r.statusCode() + " " + cut(r.body(), 500));
        }
        return r.body() == null || r.body().isBlank() ? null : Json.parse(r.body());
    }

    private static Map<String, Map<String, Object>> byName(Object items) {
        Map<String, Map<String, Object>> m = new LinkedHashMap<>();
        for (Object o : list(items)) {
            m.put((String) map(o).get("name"), map(o));
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return o == null ? List.of() : (List<Object>) o;
    }

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String cut(String s, int n) {
        return s == null ? "" : s.length() <= n ? s : s.substring(0, n);
    }

    static void say(String msg) {
        System.out.println("apply-role-sync-permissions: " + msg);
        System.out.flush();
    }

    static void fail(String msg) {
        System.err.println("apply-role-sync-permissions: " + msg);
        System.exit(1);
    }

    /** The JSON this step needs: objects, arrays, strings, numbers, booleans, null (RFC 8259), nothing more. */
    static final class Json {
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static Object parse(String text) {
            Json p = new Json(text);
            Object v = p.value();
            p.ws();
            if (p.i != text.length()) {
                throw new IllegalArgumentException("trailing characters at " + p.i);
            }
            return v;
        }

        private Object value() {
            ws();
            char c = s.charAt(i);
            switch (c) {
                case '{': {
                    i++;
                    Map<String, Object> m = new LinkedHashMap<>();
                    ws();
                    if (s.charAt(i) == '}') { i++; return m; }
                    while (true) {
                        ws();
                        String k = string();
                        ws();
                        expect(':');
                        m.put(k, value());
                        ws();
                        if (s.charAt(i) == ',') { i++; continue; }
                        expect('}');
                        return m;
                    }
                }
                case '[': {
                    i++;
                    List<Object> l = new ArrayList<>();
                    ws();
                    if (s.charAt(i) == ']') { i++; return l; }
                    while (true) {
                        l.add(value());
                        ws();
                        if (s.charAt(i) == ',') { i++; continue; }
                        expect(']');
                        return l;
                    }
                }
                case '"': return string();
                case 't': i += 4; return Boolean.TRUE;
                case 'f': i += 5; return Boolean.FALSE;
                case 'n': i += 4; return null;
                default: {
                    int start = i;
                    while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) { i++; }
                    String num = s.substring(start, i);
                    return num.matches("-?\\d+") ? (Object) Long.parseLong(num) : (Object) Double.parseDouble(num);
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') { return b.toString(); }
                if (c != '\\') { b.append(c); continue; }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> { b.append((char) Integer.parseInt(s.substring(i, i + 4), 16)); i += 4; }
                    default -> b.append(e);
                }
            }
        }

        private void expect(char c) {
            if (s.charAt(i) != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + i);
            }
            i++;
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) { i++; }
        }

        static String write(Object v) {
            StringBuilder b = new StringBuilder();
            write(v, b);
            return b.toString();
        }

        private static void write(Object v, StringBuilder b) {
            if (v == null) {
                b.append("null");
            } else if (v instanceof Map<?, ?> m) {
                b.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (!first) { b.append(','); }
                    first = false;
                    write(String.valueOf(e.getKey()), b);
                    b.append(':');
                    write(e.getValue(), b);
                }
                b.append('}');
            } else if (v instanceof List<?> l) {
                b.append('[');
                for (int k = 0; k < l.size(); k++) {
                    if (k > 0) { b.append(','); }
                    write(l.get(k), b);
                }
                b.append(']');
            } else if (v instanceof String str) {
                b.append('"');
                for (char c : str.toCharArray()) {
                    switch (c) {
                        case '"' -> b.append("\\\"");
                        case '\\' -> b.append("\\\\");
                        case '\n' -> b.append("\\n");
                        case '\r' -> b.append("\\r");
                        case '\t' -> b.append("\\t");
                        default -> {
                            if (c < 0x20) { b.append(String.format("\\u%04x", (int) c)); } else { b.append(c); }
                        }
                    }
                }
                b.append('"');
            } else {
                b.append(v);   // Boolean, Number
            }
        }
    }
}
