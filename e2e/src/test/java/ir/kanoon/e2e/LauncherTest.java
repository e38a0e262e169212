package ir.kanoon.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * deploy/local/kanoon's isolation rules that need no running stack (a unit test: runs with -DskipE2E too).
 * A busy port must stop {@code up} before it starts anything — the bug of issue 12 was a busy service port found
 * only after PostgreSQL, Kafka and Keycloak had started, leaving them running.
 */
class LauncherTest {

    private static final Path LAUNCHER = Path.of("..", "deploy", "local", "kanoon").toAbsolutePath().normalize();

    private record Result(int exit, String output) {
    }

    private static Result kanoon(Path work, Map<String, String> env, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("KANOON_WORK", work.toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "launcher finished");
        return new Result(p.exitValue(), out);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void upRefusesBeforeStartingAnythingWhenAnyPortOfTheStackIsTaken(@TempDir Path work) throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int gateway = busy.getLocalPort();
            // the gateway's port is the last one the old launcher would have reached
            Result r = kanoon(work, Map.of(
                    "KANOON_PG_PORT", String.valueOf(freePort()),
                    "KANOON_KAFKA_PORT", String.valueOf(freePort()),
                    "KANOON_KAFKA_CONTROLLER_PORT", String.valueOf(freePort()),
                    "KANOON_KEYCLOAK_PORT", String.valueOf(freePort()),
                    "KANOON_KEYCLOAK_MANAGEMENT_PORT", String.valueOf(freePort()),
                    "KANOON_HTTP_PORT_BASE", String.valueOf(gateway)), "up");
            assertEquals(1, r.exit(), r.output());
            assertTrue(r.output().contains("not starting anything"), r.output());
            assertTrue(r.output().contains(gateway + " (gateway)"), r.output());
            assertFalse(r.output().contains("starting postgres"), r.output());
            assertFalse(Files.exists(work.resolve("run")), "no pid files: nothing was started");
            assertFalse(Files.exists(work.resolve("data")), "no data directory created");
            assertFalse(Files.exists(work.resolve("stack.env")), "a refused up records no settings");
        }
    }

    @Test
    void portsAreTheEnvironmentsAndLaterCommandsOnTheWorkDirectoryReuseThoseOfUp(@TempDir Path work) throws Exception {
        Result defaults = kanoon(work, Map.of(), "help");
        assertTrue(defaults.output().contains("PostgreSQL (15432)"), defaults.output());
        Files.writeString(work.resolve("stack.env"), ": \"${KANOON_PG_PORT:=26432}\"\n");
        Result recorded = kanoon(work, Map.of(), "status");
        assertTrue(recorded.output().contains("postgres             26432"), recorded.output());
        Result overridden = kanoon(work, Map.of("KANOON_PG_PORT", "27432"), "status");
        assertTrue(overridden.output().contains("postgres             27432"), overridden.output());
    }
}
