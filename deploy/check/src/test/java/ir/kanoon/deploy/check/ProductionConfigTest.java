package ir.kanoon.deploy.check;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Secrets (issue 14): none committed except clearly-marked demo credentials for the local stack; the
 * production configuration reads them from the environment. The packaged jar runs the {@code prod} profile.
 */
class ProductionConfigTest {

    /** {@code ${ENV}} with no default: the start fails when the variable is missing. */
    static final Pattern FROM_ENV = Pattern.compile("^\\$\\{[A-Z][A-Z0-9_]*}$");

    static void assertFromEnvironment(Repo.Module m, String key) {
        String value = m.prod(key).orElseThrow(() -> new AssertionError(m.name() + ": no " + key));
        assertTrue(FROM_ENV.matcher(value).matches(),
                m.name() + ": in prod " + key + " must be ${ENV} with no default, is " + value);
    }

    @Test
    void servicesReadDatasourceKafkaAndOidcFromTheEnvironmentInProd() {
        for (Repo.Module m : Repo.services()) {
            for (String key : new String[] {"quarkus.datasource.jdbc.url", "quarkus.datasource.username",
                    "quarkus.datasource.password", "kafka.bootstrap.servers", "quarkus.oidc.auth-server-url"}) {
                assertFromEnvironment(m, key);
            }
        }
        assertFromEnvironment(Repo.gateway(), "quarkus.oidc.auth-server-url");
    }

    @Test
    void roleSyncSecretsComeFromTheEnvironmentInProd() {
        int syncing = 0;
        for (Repo.Module m : Repo.modules()) {
            if (m.prod("kanoon.role-sync.enabled").map(Boolean::parseBoolean).orElse(false)) {
                assertFromEnvironment(m, "kanoon.role-sync.client-secret");
                syncing++;
            }
        }
        assertEquals(2, syncing, "membership and governance sync roles");
    }

    @Test
    void noSecretLikePropertyHasAProdValueThatIsNotFromTheEnvironment() {
        List<String> leaks = new ArrayList<>();
        for (Repo.Module m : Repo.modules()) {
            for (String key : m.props().stringPropertyNames()) {
                String bare = key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key;
                if (key.startsWith("%") && !key.startsWith("%prod.")) {
                    continue; // %test / %dev values never reach the packaged jar
                }
                if (bare.matches(".*(password|secret|credentials?|private-key|api-key)$")) {
                    String v = m.prod(bare).orElse("");
                    if (!FROM_ENV.matcher(v).matches()) {
                        leaks.add(m.name() + ": " + bare + "=" + v);
                    }
                }
            }
        }
        assertEquals(List.of(), leaks);
    }

    /** The variables a module's %prod requires (its {@code ${VAR}} values without a default). */
    static java.util.Set<String> requiredVariables(Repo.Module m) {
        java.util.Set<String> vars = new java.util.TreeSet<>();
        for (String key : m.props().stringPropertyNames()) {
            if (key.startsWith("%prod.")) {
                Matcher v = Pattern.compile("^\\$\\{([A-Z][A-Z0-9_]*)}$").matcher(m.props().getProperty(key));
                if (v.matches()) {
                    vars.add(v.group(1));
                }
            }
        }
        return vars;
    }

    @Test
    void everyVariableProdRequiresIsSetByComposeKubernetesAndTheLocalLauncher() {
        // The packaged jar refuses to start without them, and the local stack runs the packaged jars too.
        String launcher = Repo.read(Repo.ROOT.resolve("deploy/local/kanoon"));
        for (Repo.Module m : Repo.modules()) {
            java.util.Set<String> vars = requiredVariables(m);
            assertTrue(!vars.isEmpty(), m.name());
            com.fasterxml.jackson.databind.JsonNode composeEnv = ComposeFileTest.service(m.name()).path("environment");
            java.util.Set<String> k8sEnv = new java.util.TreeSet<>();
            KubernetesManifestsTest.container(m).path("env").forEach(e -> k8sEnv.add(e.path("name").asText()));
            for (String v : vars) {
                assertTrue(composeEnv.has(v), m.name() + ": compose sets " + v);
                assertTrue(k8sEnv.contains(v), m.name() + ": its Deployment sets " + v);
                assertTrue(launcher.contains(v + "="), "deploy/local/kanoon sets " + v + " (for " + m.name() + ")");
            }
        }
    }

    @Test
    void theGatewayServesHealthAndMetricsOnItsManagementPortInProd() {
        Repo.Module gw = Repo.gateway();
        assertEquals("true", gw.prod("quarkus.management.enabled").orElse("false"));
        assertTrue(gw.healthPort() != gw.port(), "management port differs from the public port");
    }

    /**
     * Deployment files hold no secret values: a key that names a password/secret/token has an empty value,
     * a {@code ${VAR:?…}} / {@code ${VAR}} reference or a Kubernetes secretKeyRef. The demo files of the
     * local stack (deploy/local, deploy/keycloak/kanoon-realm.json) are the marked exception.
     */
    @Test
    void deploymentFilesCommitNoSecretValues() throws IOException {
        Pattern assignment = Pattern.compile("(?im)^[ \\t]*-?[ \\t]*\"?([A-Za-z0-9_.-]*(?:PASSWORD|SECRET|TOKEN)[A-Za-z0-9_.-]*)\"?[ \\t]*[:=][ \\t]*(.*)$");
        List<String> leaks = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (String dir : new String[] {"deploy/compose", "deploy/k8s"}) {
            try (Stream<Path> walk = Files.walk(Repo.ROOT.resolve(dir))) {
                walk.filter(Files::isRegularFile).forEach(files::add);
            }
        }
        for (Repo.Module m : Repo.modules()) {
            files.add(Repo.ROOT.resolve(m.name()).resolve("src/main/docker/Dockerfile.jvm"));
        }
        for (Path f : files) {
            Matcher a = assignment.matcher(Repo.read(f));
            while (a.find()) {
                String value = a.group(2).trim().replaceAll("^\"|\"$", "");
                boolean ok = value.isEmpty() || value.matches("true|false") || value.startsWith("${") || value.startsWith("valueFrom")
                        || value.startsWith("{secretKeyRef") || value.startsWith("{configMapKeyRef") || value.startsWith("#");
                if (!ok) {
                    leaks.add(Repo.ROOT.relativize(f) + ": " + a.group(0).trim());
                }
            }
        }
        assertEquals(List.of(), leaks);
    }

    @Test
    void noPrivateKeyIsCommittedAnywhere() throws IOException {
        Process git = new ProcessBuilder("git", "grep", "-l", "-I", "-e", "BEGIN [A-Z ]*PRIVATE KEY", "--", ".")
                .directory(Repo.ROOT.toFile()).start();
        String found = new String(git.getInputStream().readAllBytes()).trim();
        // platform-testing may sign test tokens with a generated key at run time; a committed PEM key is a leak.
        assertEquals("", found.lines().filter(l -> !l.startsWith("deploy/check/")).reduce("", String::concat));
    }
}
