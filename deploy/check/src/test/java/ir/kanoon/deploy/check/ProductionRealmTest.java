package ir.kanoon.deploy.check;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * deploy/keycloak/kanoon-realm-prod.json, the realm for production (issue 14, "Identity provider for
 * production"), kept apart from the demo realm of the local stack. One test per setting, so flipping one
 * fails exactly the test that names it.
 */
class ProductionRealmTest {

    static final String FILE = "deploy/keycloak/kanoon-realm-prod.json";
    static final JsonNode REALM = Repo.json(FILE);
    static final Pattern PLACEHOLDER = Pattern.compile("^\\$\\{(KANOON_[A-Z_]+)}$");

    static List<JsonNode> clients() {
        List<JsonNode> list = new ArrayList<>();
        REALM.path("clients").forEach(list::add);
        assertFalse(list.isEmpty());
        return list;
    }

    static JsonNode client(String id) {
        return clients().stream().filter(c -> c.path("clientId").asText().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no client " + id));
    }

    static Set<String> scopeRoles(String clientId) {
        Set<String> roles = new TreeSet<>();
        for (JsonNode m : REALM.path("scopeMappings")) {
            if (m.path("client").asText().equals(clientId)) {
                m.path("roles").forEach(r -> roles.add(r.asText()));
            }
        }
        return roles;
    }

    @Test
    void itIsTheKanoonRealmAndNotTheDemoFile() {
        assertEquals("kanoon", REALM.path("realm").asText());
        assertNotEquals(Repo.read(Repo.ROOT.resolve("deploy/keycloak/kanoon-realm.json")),
                Repo.read(Repo.ROOT.resolve(FILE)));
        // The same role names as the demo realm: the services' @RolesAllowed are the same in both.
        Set<String> prod = new TreeSet<>();
        Set<String> demo = new TreeSet<>();
        REALM.path("roles").path("realm").forEach(r -> prod.add(r.path("name").asText()));
        Repo.json("deploy/keycloak/kanoon-realm.json").path("roles").path("realm").forEach(r -> demo.add(r.path("name").asText()));
        assertEquals(demo, prod);
    }

    @Test
    void noDemoUsersOnlyTheServiceAccountsOfItsClients() {
        for (JsonNode u : REALM.path("users")) {
            assertTrue(u.hasNonNull("serviceAccountClientId"), "a person in the production realm: " + u.path("username"));
            assertFalse(u.has("credentials"), u.path("username") + " has credentials");
            assertEquals("service-account-" + u.path("serviceAccountClientId").asText(), u.path("username").asText());
        }
    }

    @Test
    void noKnownSecretsClientSecretsArePlaceholdersResolvedFromTheEnvironmentAtImport() {
        for (JsonNode c : clients()) {
            if (c.path("publicClient").asBoolean() || c.path("bearerOnly").asBoolean()) {
                assertFalse(c.has("secret"), c.path("clientId") + " needs no secret");
                continue;
            }
            assertTrue(PLACEHOLDER.matcher(c.path("secret").asText()).matches(),
                    c.path("clientId") + " secret must be ${KANOON_...}, is " + c.path("secret"));
        }
        assertFalse(Repo.read(Repo.ROOT.resolve(FILE)).contains("\"credentials\""));
    }

    @Test
    void everyPlaceholderOfTheRealmIsRequiredByComposeAndByTheKubernetesSecretsExample() {
        Matcher m = Pattern.compile("\\$\\{(KANOON_[A-Z_]+)}").matcher(Repo.read(Repo.ROOT.resolve(FILE)));
        Set<String> placeholders = new TreeSet<>();
        while (m.find()) {
            placeholders.add(m.group(1));
        }
        assertTrue(placeholders.size() >= 5, placeholders.toString());
        JsonNode kcEnv = ComposeFileTest.service("keycloak").path("environment");
        for (String p : placeholders) {
            // An unset placeholder is imported literally (Keycloak leaves ${X} as is), so compose must refuse to start.
            assertTrue(kcEnv.path(p).asText().startsWith("${" + p + ":?"), "compose keycloak requires " + p);
        }
    }

    @Test
    void bruteForceDetectionIsOn() {
        assertTrue(REALM.path("bruteForceProtected").asBoolean());
        assertTrue(REALM.path("failureFactor").asInt() > 0 && REALM.path("failureFactor").asInt() <= 10);
        assertTrue(REALM.path("waitIncrementSeconds").asInt() >= 30);
        assertTrue(REALM.path("maxFailureWaitSeconds").asInt() >= 300);
    }

    @Test
    void aPasswordPolicyRequiresLengthMixAndHistory() {
        String policy = REALM.path("passwordPolicy").asText();
        Matcher length = Pattern.compile("length\\((\\d+)\\)").matcher(policy);
        assertTrue(length.find() && Integer.parseInt(length.group(1)) >= 12, policy);
        for (String rule : new String[] {"digits(", "upperCase(", "lowerCase(", "notUsername(", "passwordHistory("}) {
            assertTrue(policy.contains(rule), policy + " lacks " + rule);
        }
    }

    @Test
    void publicClientsHaveNoPasswordGrantNoImplicitFlowAndUsePkce() {
        int publicClients = 0;
        for (JsonNode c : clients()) {
            if (!c.path("publicClient").asBoolean()) {
                continue;
            }
            publicClients++;
            String id = c.path("clientId").asText();
            assertFalse(c.path("directAccessGrantsEnabled").asBoolean(true), id + ": password grant");
            assertFalse(c.path("implicitFlowEnabled").asBoolean(true), id + ": implicit flow");
            assertEquals("S256", c.path("attributes").path("pkce.code.challenge.method").asText(), id + ": PKCE");
            assertFalse(c.path("redirectUris").toString().contains("localhost") || c.path("redirectUris").toString().contains("127.0.0.1"),
                    id + ": loopback redirect in production");
        }
        assertEquals(2, publicClients);
    }

    @Test
    void confidentialClientsUseClientCredentialsOnly() {
        for (String id : new String[] {"gov-integration", "membership-service", "governance-service"}) {
            JsonNode c = client(id);
            assertTrue(c.path("serviceAccountsEnabled").asBoolean(), id);
            assertFalse(c.path("standardFlowEnabled").asBoolean(true), id);
            assertFalse(c.path("directAccessGrantsEnabled").asBoolean(true), id);
        }
    }

    @Test
    void fullScopeAllowedIsOffForEveryClient() {
        for (JsonNode c : clients()) {
            assertFalse(c.path("fullScopeAllowed").asBoolean(true), c.path("clientId") + " fullScopeAllowed");
        }
    }

    @Test
    void rolesReachTokensOnlyThroughExplicitScopeMappings() {
        Set<String> people = Set.of("ministry-admin", "ministry-analyst", "secretariat", "labour-dg", "planning-deputy",
                "trustee", "member", "applicant");
        assertEquals(people, scopeRoles("web-app"));
        assertTrue(people.containsAll(scopeRoles("mobile-app")) && scopeRoles("mobile-app").contains("member"));
        assertEquals(Set.of("integration", "integration-write"), scopeRoles("gov-integration"));
        for (String id : new String[] {"membership-service", "governance-service", "kanoon-api"}) {
            assertEquals(Set.of(), scopeRoles(id), id + " carries no realm role");
        }
        for (JsonNode m : REALM.path("scopeMappings")) {
            assertFalse(m.has("clientScope"), "roles are mapped per client, not through a shared client scope: " + m);
        }
    }

    /**
     * The role-sync accounts hold no realm-management role at all: an admin role such as manage-users bypasses
     * fine-grained admin permissions and lets the account map any realm role, ministry-admin included (measured on
     * Keycloak 26.5.6, deploy/README.md). Each holds only the client role role-sync of its own client, which the
     * permissions applied by deploy/keycloak/apply-role-sync-permissions name. Both realms: the local stack and the
     * e2e suite run least-privilege too.
     */
    @Test
    void roleSyncServiceAccountsHoldNoAdminRoleOnlyTheirOwnRoleSyncMarker() {
        for (JsonNode realm : new JsonNode[] {REALM, Repo.json("deploy/keycloak/kanoon-realm.json")}) {
            for (String id : SYNC_CLIENTS) {
                JsonNode sa = serviceAccount(realm, id);
                assertEquals(0, sa.path("realmRoles").size(), id + " holds realm roles");
                assertEquals("{\"" + id + "\":[\"role-sync\"]}", sa.path("clientRoles").toString(),
                        id + " must hold only its own client role role-sync, no realm-management role");
                assertTrue(realm.path("roles").path("client").path(id).toString().contains("\"name\":\"role-sync\""),
                        "client role role-sync of " + id + " is declared");
            }
            assertFalse(realm.path("clientScopeMappings").has("realm-management"),
                    "no client carries realm-management roles into its tokens");
            JsonNode gov = serviceAccount(realm, "gov-integration");
            assertEquals("[\"integration\"]", gov.path("realmRoles").toString());
            assertFalse(gov.has("clientRoles"));
        }
    }

    /**
     * Keycloak stores descriptions in VARCHAR(255): a longer one fails the import and Keycloak does not start
     * (seen: a 306-character client description stopped the e2e stack). Both realm files.
     */
    @Test
    void everyDescriptionFitsKeycloaksColumn() {
        for (String file : new String[] {FILE, "deploy/keycloak/kanoon-realm.json"}) {
            List<String> tooLong = new ArrayList<>();
            Repo.json(file).findValues("description").forEach(d -> {
                if (d.isTextual() && d.asText().length() > 255) {
                    tooLong.add(d.asText().length() + ": " + d.asText().substring(0, 60));
                }
            });
            assertEquals(List.of(), tooLong, file);
        }
    }

    static final String[] SYNC_CLIENTS = {"membership-service", "governance-service"};

    /** Read per test (not in a static field): a missing file fails the tests that need it, not the whole class. */
    static JsonNode permissions() {
        return Repo.json("deploy/keycloak/role-sync-permissions.json");
    }

    static JsonNode permissionsOf(String client) {
        for (JsonNode a : permissions().path("accounts")) {
            if (a.path("client").asText().equals(client)) {
                return a;
            }
        }
        throw new AssertionError("role-sync-permissions.json has no account " + client);
    }

    /**
     * Issue 14: "the membership sync can map only the roles it manages". The roles each account may map are
     * exactly the roles its service's code passes to RoleSync.desire(...) (membership: member, governance:
     * trustee), read from the sources, so a new desire(...) call for another role fails here before it fails in
     * Keycloak with a 403.
     */
    @Test
    void eachRoleSyncAccountMayMapExactlyTheRolesItsServiceSyncs() {
        Pattern desire = Pattern.compile("roleSync\\.desire\\([^,]+,\\s*Roles\\.([A-Z_]+)");
        assertEquals(SYNC_CLIENTS.length, permissions().path("accounts").size(), "one entry per sync client");
        for (String client : SYNC_CLIENTS) {
            Set<String> synced = new TreeSet<>();
            for (String source : Repo.javaSources(client)) {
                Matcher m = desire.matcher(source);
                while (m.find()) {
                    synced.add(m.group(1).toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
                }
            }
            assertFalse(synced.isEmpty(), client + " syncs no role?");
            Set<String> mappable = new TreeSet<>();
            permissionsOf(client).path("roles").forEach(r -> mappable.add(r.asText()));
            assertEquals(synced, mappable, client + ": roles it may map vs roles its code syncs");
            assertEquals(client, Repo.properties(Repo.ROOT.resolve(client + "/src/main/resources/application.properties"))
                    .getProperty("kanoon.role-sync.client-id"), client + " signs in as its own client");
        }
        assertEquals(Set.of("member"), roles(permissionsOf("membership-service")));
        assertEquals(Set.of("trustee"), roles(permissionsOf("governance-service")));
    }

    static Set<String> roles(JsonNode account) {
        Set<String> set = new TreeSet<>();
        account.path("roles").forEach(r -> set.add(r.asText()));
        return set;
    }

    /**
     * On users the accounts get view (read by id), manage (write the scope attribute) and map-roles (a user's side
     * of a role mapping; which roles is the Roles permission above) and nothing else: no impersonate, no group
     * membership, no reset-password scope. The attribute they write is the services' scope attribute, never the
     * staff scope province (conventions, Security).
     */
    @Test
    void roleSyncAccountsGetOnlyViewManageAndMapRolesOnUsersAndWriteMemberProvince() {
        Set<String> scopes = new TreeSet<>();
        permissions().path("userScopes").forEach(s -> scopes.add(s.asText()));
        assertEquals(Set.of("view", "manage", "map-roles"), scopes);
        assertEquals("kanoon", permissions().path("realm").asText());
        for (String client : SYNC_CLIENTS) {
            String attribute = permissionsOf(client).path("scopeAttribute").asText();
            assertEquals("member_province", attribute, client);
            assertEquals(attribute, Repo.properties(Repo.ROOT.resolve(client + "/src/main/resources/application.properties"))
                    .getProperty("kanoon.role-sync.scope-attribute"), client + ": the attribute its sync writes");
        }
    }

    /**
     * The permissions cannot travel in the realm file (they name ids the import generates), so the step that
     * applies them must run wherever the realm is imported: the local launcher after Keycloak is up (so the e2e
     * suite and every developer stack run least-privilege), and production by the documented command.
     */
    @Test
    void thePermissionStepRunsAfterKeycloakInTheLauncherAndIsDocumentedForProduction() {
        // the script is a wrapper (a JDK is all the launcher may need); the work is in ApplyRoleSyncPermissions.java
        String wrapper = Repo.read(Repo.ROOT.resolve("deploy/keycloak/apply-role-sync-permissions"));
        assertTrue(wrapper.contains("ApplyRoleSyncPermissions.java") && !wrapper.contains("python"), "the step needs only a JDK");
        String step = Repo.read(Repo.ROOT.resolve("deploy/keycloak/ApplyRoleSyncPermissions.java"));
        assertTrue(step.contains("role-sync-permissions.json") && step.contains("adminPermissionsEnabled")
                && step.contains("\"map-role\"") && step.contains("/clients?clientId=realm-management"),
                "the step reads the file and applies it");
        String launcher = Repo.read(Repo.ROOT.resolve("deploy/local/kanoon"));
        int waited = launcher.indexOf("\n  wait_keycloak\n");
        int applied = launcher.indexOf("\n  apply_role_sync_permissions\n");
        int services = launcher.indexOf("\n  start_services\n");
        assertTrue(waited > 0 && applied > waited && services > applied,
                "deploy/local/kanoon up: wait_keycloak, then apply_role_sync_permissions, then start_services");
        assertTrue(launcher.contains("deploy/keycloak/apply-role-sync-permissions"));
        String readme = Repo.read(Repo.ROOT.resolve("deploy/README.md"));
        assertTrue(readme.contains("deploy/keycloak/apply-role-sync-permissions https://"),
                "deploy/README.md shows the production command");
    }

    static JsonNode serviceAccount(String clientId) {
        return serviceAccount(REALM, clientId);
    }

    static JsonNode serviceAccount(JsonNode realm, String clientId) {
        for (JsonNode u : realm.path("users")) {
            if (u.path("serviceAccountClientId").asText().equals(clientId)) {
                return u;
            }
        }
        throw new AssertionError("no service account of " + clientId);
    }

    @Test
    void accessTokensAreShortLived() {
        assertTrue(REALM.path("accessTokenLifespan").asInt() <= 300, "access tokens at most 5 minutes");
        assertTrue(REALM.path("revokeRefreshToken").asBoolean(), "refresh tokens are single-use");
    }

    @Test
    void selfRegistrationIsOffAndTlsIsRequiredFromOutside() {
        assertFalse(REALM.path("registrationAllowed").asBoolean(true));
        assertTrue(Set.of("external", "all").contains(REALM.path("sslRequired").asText()));
    }
}
