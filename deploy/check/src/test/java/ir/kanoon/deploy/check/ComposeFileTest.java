package ir.kanoon.deploy.check;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** deploy/compose/compose.yaml against the modules. */
class ComposeFileTest {

    static final String FILE = "deploy/compose/compose.yaml";
    static final JsonNode COMPOSE = Repo.yaml(FILE);

    static JsonNode service(String name) {
        JsonNode s = COMPOSE.path("services").path(name);
        assertTrue(s.isObject(), FILE + " has no service " + name);
        return s;
    }

    static String env(JsonNode service, String key) {
        return service.path("environment").path(key).asText(null);
    }

    @Test
    void everyModuleIsAComposeServiceBuiltFromItsDockerfileWithImageKanoonSlashModule() {
        for (Repo.Module m : Repo.modules()) {
            JsonNode s = service(m.name());
            assertTrue(s.path("image").asText().startsWith("kanoon/" + m.name() + ":"), m.name() + " image: " + s.path("image"));
            Path context = Repo.ROOT.resolve("deploy/compose").resolve(s.path("build").path("context").asText()).normalize();
            assertEquals(Repo.ROOT.resolve(m.name()), context, m.name() + " build context");
            assertTrue(Files.exists(context.resolve(s.path("build").path("dockerfile").asText())), m.name() + " dockerfile");
        }
    }

    @Test
    void theInfrastructureIsThere() {
        assertTrue(service("postgres").path("image").asText().startsWith("postgres:"));
        JsonNode kafka = service("kafka");
        assertTrue(env(kafka, "KAFKA_PROCESS_ROLES").contains("controller"), "Kafka runs in KRaft mode (no ZooKeeper)");
        assertEquals("false", env(kafka, "KAFKA_AUTO_CREATE_TOPICS_ENABLE"));
        // issue 13: back-to-back outbox transactions are retried after 2 ms, not Kafka's 20 (bench/outbox/RESULTS.md)
        assertEquals("2", env(kafka, "KAFKA_ADD_PARTITIONS_TO_TXN_RETRY_BACKOFF_MS"));
        JsonNode keycloak = service("keycloak");
        assertTrue(keycloak.path("command").toString().contains("--import-realm"));
        assertTrue(keycloak.path("volumes").toString().contains("../keycloak/kanoon-realm-prod.json:"),
                "Keycloak imports the production realm, never the demo one");
    }

    @Test
    void servicesListenOnTheirConfiguredPortsAndHealthChecksAskReadiness() {
        for (Repo.Module m : Repo.modules()) {
            JsonNode s = service(m.name());
            String ports = s.path("expose").toString() + s.path("ports").toString();
            assertTrue(ports.contains(String.valueOf(m.port())), m.name() + " port " + m.port() + " in " + ports);
            String test = s.path("healthcheck").path("test").toString();
            assertTrue(test.contains("/dev/tcp/127.0.0.1/" + m.healthPort() + " ") && test.contains("/q/health/ready"),
                    m.name() + " healthcheck on " + m.healthPort() + ": " + test);
        }
    }

    @Test
    void onlyTheGatewayAndKeycloakArePublished() {
        List<String> published = new ArrayList<>();
        COMPOSE.path("services").fields().forEachRemaining(e -> {
            if (e.getValue().has("ports")) {
                published.add(e.getKey());
            }
        });
        assertEquals(List.of("keycloak", "gateway"), published);
    }

    @Test
    void eachServiceUsesItsOwnDatabaseAndLogin() {
        for (Repo.Module m : Repo.services()) {
            JsonNode s = service(m.name());
            assertEquals("jdbc:postgresql://postgres:5432/" + m.database(), env(s, "QUARKUS_DATASOURCE_JDBC_URL"), m.name());
            assertEquals(m.database(), env(s, "QUARKUS_DATASOURCE_USERNAME"), m.name());
            assertEquals("kafka:9092", env(s, "KAFKA_BOOTSTRAP_SERVERS"), m.name());
            assertEquals("http://keycloak:8080/realms/kanoon", env(s, "QUARKUS_OIDC_AUTH_SERVER_URL"), m.name());
            String init = Repo.read(Repo.ROOT.resolve("deploy/compose/postgres/init-databases.sh"));
            assertTrue(Pattern.compile("(?m)^create " + m.database() + "\\s").matcher(init).find(),
                    "init-databases.sh creates database " + m.database());
        }
    }

    @Test
    void theGatewayRoutesEveryServiceItKnowsToThatServicesContainer() {
        JsonNode gw = service("gateway");
        Map<String, String> byName = new java.util.HashMap<>();
        for (Repo.Module m : Repo.services()) {
            byName.put(m.service(), "http://" + m.name() + ":" + m.port());
        }
        Matcher routes = Pattern.compile("(?m)^kanoon\\.gateway\\.services\\.([a-z]+)\\.url=").matcher(
                Repo.read(Repo.ROOT.resolve("gateway/src/main/resources/application.properties")));
        int n = 0;
        while (routes.find()) {
            String svc = routes.group(1);
            assertEquals(byName.get(svc), env(gw, "KANOON_GATEWAY_SERVICES_" + svc.toUpperCase() + "_URL"), svc);
            n++;
        }
        assertEquals(Repo.services().size(), n, "the gateway routes every service");
    }

    @Test
    void dependsOnWaitsForHealthOrCompletion() {
        COMPOSE.path("services").fields().forEachRemaining(e -> {
            JsonNode deps = e.getValue().path("depends_on");
            for (Iterator<Map.Entry<String, JsonNode>> it = deps.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> d = it.next();
                String condition = d.getValue().path("condition").asText();
                assertTrue(condition.equals("service_healthy") || condition.equals("service_completed_successfully"),
                        e.getKey() + " -> " + d.getKey() + ": " + condition);
                JsonNode target = service(d.getKey());
                if (condition.equals("service_healthy")) {
                    assertTrue(target.has("healthcheck"), d.getKey() + " needs a healthcheck");
                }
            }
        });
        for (Repo.Module m : Repo.services()) {
            JsonNode deps = service(m.name()).path("depends_on");
            for (String infra : new String[] {"postgres", "kafka-topics", "keycloak"}) {
                assertTrue(deps.has(infra), m.name() + " waits for " + infra);
            }
        }
    }

    @Test
    void everyTopicIsCreatedBeforeTheServicesStart() {
        String command = service("kafka-topics").path("command").toString();
        Matcher created = Pattern.compile("create (kanoon\\.[a-z0-9.-]+) (\\d+) (\\d+)").matcher(command);
        TreeSet<String> topics = new TreeSet<>();
        while (created.find()) {
            topics.add(created.group(1));
        }
        assertEquals(Topics.all(), topics, "compose kafka-topics vs the topics the code uses");
    }
}
