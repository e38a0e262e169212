package ir.kanoon.deploy.check;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One JVM-mode image per module, from the fast-jar, non-root, with a health check on the right port. */
class DockerfilesTest {

    static String dockerfile(Repo.Module m) {
        Path f = Repo.ROOT.resolve(m.name()).resolve("src/main/docker/Dockerfile.jvm");
        assertTrue(Files.exists(f), "missing " + Repo.ROOT.relativize(f));
        return Repo.read(f);
    }

    @Test
    void everyModuleHasAJvmDockerfileCopyingTheFastJar() {
        for (Repo.Module m : Repo.modules()) {
            String d = dockerfile(m);
            for (String dir : new String[] {"lib/", "app/", "quarkus/"}) {
                assertTrue(d.contains("COPY --chown=185 target/quarkus-app/" + dir), m.name() + " copies quarkus-app/" + dir);
            }
            assertTrue(d.contains("target/quarkus-app/*.jar"), m.name() + " copies quarkus-run.jar");
            assertTrue(d.contains("kanoon/" + m.name() + ":"), m.name() + ": build comment names image kanoon/" + m.name());
        }
    }

    @Test
    void imagesRunAsANonRootUser() {
        for (Repo.Module m : Repo.modules()) {
            Matcher users = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(dockerfile(m));
            String last = null;
            while (users.find()) {
                last = users.group(1);
            }
            assertEquals("185", last, m.name() + ": the last USER must be the non-root uid 185");
        }
    }

    @Test
    void imagesExposeTheModulesPortAndCheckReadinessWhereHealthIsServed() {
        for (Repo.Module m : Repo.modules()) {
            String d = dockerfile(m);
            Matcher expose = Pattern.compile("(?m)^EXPOSE\\s+(.+)$").matcher(d);
            assertTrue(expose.find(), m.name() + " has EXPOSE");
            assertTrue((" " + expose.group(1) + " ").contains(" " + m.port() + " "), m.name() + " exposes " + m.port());
            assertTrue(d.contains("HEALTHCHECK"), m.name() + " has a HEALTHCHECK");
            assertTrue(d.contains("/dev/tcp/127.0.0.1/" + m.healthPort() + " ") && d.contains("/q/health/ready"),
                    m.name() + ": HEALTHCHECK must ask /q/health/ready on " + m.healthPort());
        }
    }
}
