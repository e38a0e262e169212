package ir.kanoon.deploy.check;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** deploy/k8s (Kustomize base + dev/prod overlays) against the modules. */
class KubernetesManifestsTest {

    static final Path K8S = Repo.ROOT.resolve("deploy/k8s");
    static final List<String> OVERLAYS = List.of("overlays/dev", "overlays/prod");

    static final List<JsonNode> BASE = load();

    /** Every object the base's kustomization lists, in order. */
    static List<JsonNode> base() {
        return BASE;
    }

    private static List<JsonNode> load() {
        List<JsonNode> objects = new ArrayList<>();
        for (JsonNode r : Repo.yaml("deploy/k8s/base/kustomization.yaml").path("resources")) {
            objects.addAll(Repo.yamlDocuments(K8S.resolve("base").resolve(r.asText())));
        }
        return objects;
    }

    static List<JsonNode> kind(String kind) {
        return base().stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

    static JsonNode named(String kind, String name) {
        return kind(kind).stream().filter(o -> o.path("metadata").path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in deploy/k8s/base"));
    }

    static JsonNode container(Repo.Module m) {
        JsonNode containers = named("Deployment", m.name()).path("spec").path("template").path("spec").path("containers");
        assertEquals(1, containers.size(), m.name());
        return containers.get(0);
    }

    /** The containerPort a probe's named (or numbered) port refers to. */
    static int portOf(JsonNode container, JsonNode port) {
        if (port.isInt()) {
            return port.asInt();
        }
        for (JsonNode p : container.path("ports")) {
            if (p.path("name").asText().equals(port.asText())) {
                return p.path("containerPort").asInt();
            }
        }
        throw new AssertionError("no container port named " + port);
    }

    @Test
    void everyKustomizationReferencesFilesThatExist() {
        for (String dir : List.of("base", "overlays/dev", "overlays/prod")) {
            JsonNode k = Repo.yaml("deploy/k8s/" + dir + "/kustomization.yaml");
            for (JsonNode r : k.path("resources")) {
                assertTrue(Files.exists(K8S.resolve(dir).resolve(r.asText())), dir + ": " + r.asText());
            }
        }
    }

    @Test
    void everyModuleHasADeploymentServiceAndDisruptionBudgetWithItsImageAndPort() {
        for (Repo.Module m : Repo.modules()) {
            JsonNode c = container(m);
            assertTrue(c.path("image").asText().startsWith("kanoon/" + m.name() + ":"), m.name() + " image " + c.path("image"));
            assertEquals(m.port(), portOf(c, c.path("ports").get(0).path("name")), m.name() + " first container port");
            JsonNode svc = named("Service", m.name());
            assertEquals(m.port(), svc.path("spec").path("ports").get(0).path("port").asInt(), m.name() + " Service port");
            assertEquals(m.name(), svc.path("spec").path("selector").path("app.kubernetes.io/name").asText());
            JsonNode pdb = named("PodDisruptionBudget", m.name());
            assertEquals(m.name(), pdb.path("spec").path("selector").path("matchLabels").path("app.kubernetes.io/name").asText());
            JsonNode labels = named("Deployment", m.name()).path("spec").path("template").path("metadata").path("labels");
            assertEquals(m.name(), labels.path("app.kubernetes.io/name").asText(), m.name() + " pod label");
        }
    }

    @Test
    void probesAskQuarkusHealthOnThePortWhereTheModuleServesIt() {
        Map<String, String> paths = Map.of("startupProbe", "/q/health/started", "livenessProbe", "/q/health/live",
                "readinessProbe", "/q/health/ready");
        for (Repo.Module m : Repo.modules()) {
            JsonNode c = container(m);
            paths.forEach((probe, path) -> {
                JsonNode get = c.path(probe).path("httpGet");
                assertEquals(path, get.path("path").asText(), m.name() + " " + probe);
                assertEquals(m.healthPort(), portOf(c, get.path("port")), m.name() + " " + probe + " port");
            });
        }
    }

    @Test
    void everyContainerHasResourcesAndRunsLockedDown() {
        for (Repo.Module m : Repo.modules()) {
            JsonNode c = container(m);
            for (String r : new String[] {"requests", "limits"}) {
                assertFalse(c.path("resources").path(r).path("memory").asText().isEmpty(), m.name() + " memory " + r);
            }
            assertFalse(c.path("resources").path("requests").path("cpu").asText().isEmpty(), m.name() + " cpu request");
            JsonNode sc = c.path("securityContext");
            assertTrue(sc.path("runAsNonRoot").asBoolean(), m.name() + " runAsNonRoot");
            assertFalse(sc.path("allowPrivilegeEscalation").asBoolean(true), m.name() + " allowPrivilegeEscalation");
            assertTrue(sc.path("readOnlyRootFilesystem").asBoolean(), m.name() + " readOnlyRootFilesystem");
        }
    }

    @Test
    void theGatewayAndTheReadHeavyServicesAutoscale() {
        Set<String> scaled = new TreeSet<>();
        for (JsonNode hpa : kind("HorizontalPodAutoscaler")) {
            String target = hpa.path("spec").path("scaleTargetRef").path("name").asText();
            named("Deployment", target);
            assertTrue(hpa.path("spec").path("minReplicas").asInt() >= 2, target + " keeps two replicas in the base");
            scaled.add(target);
        }
        assertTrue(scaled.containsAll(Set.of("gateway", "membership-service", "networking-service")), scaled.toString());
    }

    @Test
    void servicesReadConnectionsFromTheConfigMapAndSecretsFromTheSecret() {
        for (Repo.Module m : Repo.services()) {
            JsonNode env = container(m).path("env");
            assertEquals("jdbc:postgresql://$(POSTGRES_HOST):5432/" + m.database(), value(env, "QUARKUS_DATASOURCE_JDBC_URL"), m.name());
            assertEquals("kanoon-secrets", ref(env, "QUARKUS_DATASOURCE_PASSWORD", "secretKeyRef"), m.name());
            assertEquals("kanoon-config", ref(env, "KAFKA_BOOTSTRAP_SERVERS", "configMapKeyRef"), m.name());
            assertEquals("kanoon-config", ref(env, "QUARKUS_OIDC_AUTH_SERVER_URL", "configMapKeyRef"), m.name());
        }
        JsonNode gwEnv = container(Repo.gateway()).path("env");
        for (Repo.Module m : Repo.services()) {
            assertEquals("http://" + m.name() + ":" + m.port(), value(gwEnv, "KANOON_GATEWAY_SERVICES_" + m.service().toUpperCase() + "_URL"));
        }
    }

    @Test
    void everySecretKeyTheDeploymentsReadIsListedInEachOverlaysSecretsExample() {
        Set<String> keys = new TreeSet<>();
        for (JsonNode d : kind("Deployment")) {
            d.findValues("secretKeyRef").forEach(ref -> {
                assertEquals("kanoon-secrets", ref.path("name").asText());
                keys.add(ref.path("key").asText());
            });
        }
        assertFalse(keys.isEmpty());
        for (String overlay : OVERLAYS) {
            String example = Repo.read(K8S.resolve(overlay).resolve("secrets.env.example"));
            for (String key : keys) {
                assertTrue(example.contains("\n" + key + "=\n"), overlay + "/secrets.env.example lists " + key + " with no value");
            }
            JsonNode gen = Repo.yaml("deploy/k8s/" + overlay + "/kustomization.yaml").path("secretGenerator").get(0);
            assertEquals("kanoon-secrets", gen.path("name").asText());
            assertEquals("secrets.env", gen.path("envs").get(0).asText());
        }
    }

    @Test
    void secretsEnvFilesAreIgnoredAndNotCommitted() throws IOException {
        assertTrue(Repo.read(K8S.resolve(".gitignore")).lines().anyMatch("secrets.env"::equals));
        assertTrue(Repo.read(Repo.ROOT.resolve("deploy/compose/.gitignore")).lines().anyMatch(".env"::equals));
        Process git = new ProcessBuilder("git", "ls-files", "deploy").directory(Repo.ROOT.toFile()).start();
        String tracked = new String(git.getInputStream().readAllBytes());
        assertFalse(tracked.lines().anyMatch(f -> f.endsWith("/secrets.env") || f.endsWith("compose/.env")), tracked);
    }

    @Test
    void overlaysPinAnImageForEveryModule() {
        for (String overlay : OVERLAYS) {
            JsonNode k = Repo.yaml("deploy/k8s/" + overlay + "/kustomization.yaml");
            Set<String> names = new TreeSet<>();
            k.path("images").forEach(i -> {
                names.add(i.path("name").asText());
                assertFalse(i.path("newTag").asText().isEmpty(), overlay + " " + i);
            });
            for (Repo.Module m : Repo.modules()) {
                assertTrue(names.contains("kanoon/" + m.name()), overlay + " sets the image of " + m.name());
            }
            assertFalse(k.path("namespace").asText().isEmpty(), overlay + " namespace");
        }
    }

    @Test
    void networkPoliciesLetOnlyTheGatewayReachEveryService() {
        List<JsonNode> policies = kind("NetworkPolicy");
        JsonNode deny = policies.stream().filter(p -> p.path("spec").path("ingress").isMissingNode()
                && p.path("spec").path("egress").isMissingNode()).findFirst().orElseThrow(() -> new AssertionError("no default deny"));
        assertEquals("kanoon", deny.path("spec").path("podSelector").path("matchLabels").path("app.kubernetes.io/part-of").asText());
        assertEquals("[\"Ingress\",\"Egress\"]", deny.path("spec").path("policyTypes").toString());
        for (Repo.Module m : Repo.services()) {
            JsonNode podLabels = named("Deployment", m.name()).path("spec").path("template").path("metadata").path("labels");
            assertEquals("kanoon", podLabels.path("app.kubernetes.io/part-of").asText(), m.name() + " is under the default deny");
            int opening = 0;
            for (JsonNode p : policies) {
                if (!selects(p.path("spec").path("podSelector"), podLabels) || p.path("spec").path("ingress").isMissingNode()) {
                    continue;
                }
                for (JsonNode rule : p.path("spec").path("ingress")) {
                    assertTrue(rule.has("from"), p.path("metadata").path("name") + " opens " + m.name() + " to everyone");
                    for (JsonNode peer : rule.path("from")) {
                        boolean gateway = "gateway".equals(peer.path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText())
                                && !peer.has("namespaceSelector");
                        boolean monitoring = "monitoring".equals(peer.path("namespaceSelector").path("matchLabels")
                                .path("kubernetes.io/metadata.name").asText()) && !peer.has("podSelector");
                        assertTrue(gateway || monitoring, m.name() + " reachable from " + peer);
                        if (gateway) {
                            opening++;
                            assertEquals(m.port(), rule.path("ports").get(0).path("port").asInt(), m.name() + " port");
                        }
                    }
                }
            }
            assertEquals(1, opening, m.name() + ": exactly one rule lets the gateway in");
        }
    }

    @Test
    void servicesMayReachPostgresKafkaAndKeycloakButNotEachOther() {
        JsonNode egress = named("NetworkPolicy", "services-egress");
        String rules = egress.path("spec").path("egress").toString();
        assertTrue(rules.contains("5432") && rules.contains("9092") && rules.contains("keycloak"), rules);
        for (Repo.Module m : Repo.modules()) {
            assertFalse(rules.contains("\"" + m.name() + "\""), "services-egress must not open " + m.name());
        }
        for (Repo.Module m : Repo.services()) {
            JsonNode podLabels = named("Deployment", m.name()).path("spec").path("template").path("metadata").path("labels");
            assertTrue(selects(egress.path("spec").path("podSelector"), podLabels), "services-egress selects " + m.name());
        }
    }

    static boolean selects(JsonNode selector, JsonNode labels) {
        for (var it = selector.path("matchLabels").fields(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getValue().asText().equals(labels.path(e.getKey()).asText())) {
                return false;
            }
        }
        return true;
    }

    @Test
    void everyTopicTheCodeUsesIsAKafkaTopicWithPartitionsAndRetention() {
        Set<String> declared = new TreeSet<>();
        for (JsonNode t : kind("KafkaTopic")) {
            JsonNode spec = t.path("spec");
            String name = spec.path("topicName").asText();
            declared.add(name);
            assertTrue(spec.path("partitions").asInt() >= 1, name);
            assertTrue(spec.path("replicas").asInt() >= 3, name + ": the base is production-sized");
            assertTrue(spec.path("config").path("retention.ms").asLong() > 0, name + " retention.ms");
            assertEquals("kanoon", t.path("metadata").path("labels").path("strimzi.io/cluster").asText(), name);
        }
        assertEquals(Topics.all(), declared, "KafkaTopics vs the topics the code uses");
        for (String events : Topics.eventTopics()) {
            JsonNode t = kind("KafkaTopic").stream().filter(k -> k.path("spec").path("topicName").asText().equals(events)).findFirst().orElseThrow();
            assertTrue(t.path("spec").path("partitions").asInt() >= 6, events + " has room for several consumers");
        }
        assertEquals("false", named("Kafka", "kanoon").path("spec").path("kafka").path("config").path("auto.create.topics.enable").asText());
        // issue 13: back-to-back outbox transactions are retried after 2 ms, not Kafka's 20 (bench/outbox/RESULTS.md)
        assertEquals("2", named("Kafka", "kanoon").path("spec").path("kafka").path("config")
                .path("add.partitions.to.txn.retry.backoff.ms").asText());
    }

    @Test
    void noManifestCarriesAnInlineSecret() throws IOException {
        try (Stream<Path> files = Files.walk(K8S)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                for (JsonNode doc : Repo.yamlDocuments(f)) {
                    assertFalse(doc.path("kind").asText().equals("Secret"), f + " holds a Secret; use the overlay's secretGenerator");
                    for (JsonNode env : doc.findValues("env")) {
                        for (JsonNode e : env) {
                            String name = e.path("name").asText();
                            if (name.matches(".*(PASSWORD|SECRET|TOKEN|CREDENTIAL).*")) {
                                assertNotNull(e.get("valueFrom"), f + ": " + name + " must come from a Secret");
                                assertTrue(e.path("valueFrom").has("secretKeyRef"), f + ": " + name + " must come from a Secret");
                            }
                        }
                    }
                }
            }
        }
    }

    static String value(JsonNode env, String name) {
        for (JsonNode e : env) {
            if (e.path("name").asText().equals(name)) {
                return e.path("value").asText(null);
            }
        }
        throw new AssertionError("no env " + name);
    }

    static String ref(JsonNode env, String name, String kind) {
        for (JsonNode e : env) {
            if (e.path("name").asText().equals(name)) {
                return e.path("valueFrom").path(kind).path("name").asText(null);
            }
        }
        throw new AssertionError("no env " + name);
    }
}
