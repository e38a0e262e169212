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

    @Test
    void roleSyncServiceAccountsHoldOnlyUserManagementRoles() {
        Set<String> allowed = Set.of("manage-users", "view-users");
        for (String id : new String[] {"membership-service", "governance-service"}) {
            JsonNode sa = serviceAccount(id);
            assertEquals(0, sa.path("realmRoles").size(), id + " holds realm roles");
            Set<String> mgmt = new TreeSet<>();
            sa.path("clientRoles").path("realm-management").forEach(r -> mgmt.add(r.asText()));
            assertTrue(allowed.containsAll(mgmt) && mgmt.contains("manage-users"), id + ": " + mgmt);
            assertEquals(1, sa.path("clientRoles").size(), id + " holds roles of other clients");
        }
        JsonNode gov = serviceAccount("gov-integration");
        assertEquals("[\"integration\"]", gov.path("realmRoles").toString());
        assertFalse(gov.has("clientRoles"));
    }

    static JsonNode serviceAccount(String clientId) {
        for (JsonNode u : REALM.path("users")) {
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
