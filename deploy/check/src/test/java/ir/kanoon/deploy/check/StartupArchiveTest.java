package ir.kanoon.deploy.check;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Issue 13 (start-up time): each packaged service and the gateway carry an AppCDS archive
 * ({@code target/quarkus-app/app-cds.jsa}, root pom.xml {@code quarkus.package.jar.appcds.enabled}) and the JVM
 * accepts it with the flags the local stack (deploy/local/kanoon) and the benchmark (bench/lib/stack.sh) start
 * services with. JDK 17 silently ignores an archive it cannot use (-Xshare:auto), so a flag that breaks it (another
 * GC's heap layout, compressed oops off) or a start from another directory would only show as a slower start; here
 * it fails the build instead. Runs after the modules were packaged in the same reactor (deploy/check comes after
 * them); with none packaged (deploy/check built alone) there is nothing to check.
 */
class StartupArchiveTest {

    static final Pattern LAUNCHER_OPTS = Pattern.compile("(?m)^SERVICE_JAVA_OPTS=\"\\$\\{KANOON_SERVICE_JAVA_OPTS:-(.*)}\"$");
    static final Pattern BENCH_OPTS = Pattern.compile("(?m)^BENCH_SERVICE_JAVA_OPTS=\\$\\{BENCH_SERVICE_JAVA_OPTS:-(.*)}$");

    static String defaultOpts(String file, Pattern p) {
        Matcher m = p.matcher(Repo.read(Repo.ROOT.resolve(file)));
        assertTrue(m.find(), file + ": default service JVM flags not found");
        return m.group(1);
    }

    static List<Path> packagedApps() {
        List<Path> apps = new ArrayList<>();
        for (Repo.Module m : Repo.modules()) {
            Path app = Repo.ROOT.resolve(m.name()).resolve("target/quarkus-app");
            if (Files.exists(app.resolve("quarkus-run.jar"))) {
                apps.add(app);
            }
        }
        return apps;
    }

    /** Last line of {@code java <flags> -Xshare:on -XX:SharedArchiveFile=… -XX:+PrintSharedArchiveAndExit -jar <jar>} run in {@code dir}. */
    static String archiveCheck(Path dir, String flags, String archive, String jar) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        // the JVM running this build wrote the archives (Quarkus runs java.home's java); the stack runs the same one
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(Arrays.asList(flags.trim().split("\\s+")));
        cmd.addAll(List.of("-Xshare:on", "-XX:SharedArchiveFile=" + archive, "-XX:+PrintSharedArchiveAndExit", "-jar", jar));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "java did not exit: " + cmd);
        String[] lines = out.strip().split("\n");
        return lines[lines.length - 1].strip();
    }

    @Test
    void everyPackagedModuleCarriesAnArchiveTheLocalStackAndTheBenchmarkJvmAccept() throws Exception {
        List<Path> apps = packagedApps();
        assumeFalse(apps.isEmpty(), "no module packaged in this build: nothing to check");
        String launcher = defaultOpts("deploy/local/kanoon", LAUNCHER_OPTS);
        String bench = defaultOpts("bench/lib/stack.sh", BENCH_OPTS);
        for (Path app : apps) {
            String module = Repo.ROOT.relativize(app).getName(0).toString();
            assertTrue(Files.exists(app.resolve("app-cds.jsa")),
                    module + ": no app-cds.jsa beside quarkus-run.jar (root pom.xml quarkus.package.jar.appcds.enabled; rebuild the module)");
            // started the way deploy/local/kanoon and bench/lib/stack.sh start it: from the application's directory
            assertEquals("archive is valid", archiveCheck(app, launcher, "app-cds.jsa", "quarkus-run.jar"),
                    module + ": the JVM refuses app-cds.jsa with the local stack's flags " + launcher);
            assertEquals("archive is valid", archiveCheck(app, bench, "app-cds.jsa", "quarkus-run.jar"),
                    module + ": the JVM refuses app-cds.jsa with the benchmark's flags " + bench);
        }
    }

    /** Why the launcher and the benchmark run the JVM in the application's directory: JDK 17 matches the class path as written. */
    @Test
    void theArchiveIsRefusedWhenTheJarIsStartedFromAnotherDirectory() throws Exception {
        List<Path> apps = packagedApps().stream().filter(a -> Files.exists(a.resolve("app-cds.jsa"))).toList();
        assumeFalse(apps.isEmpty(), "no module packaged with an archive in this build: nothing to check");
        Path app = apps.get(0);
        assertEquals("archive is invalid", archiveCheck(Repo.ROOT, defaultOpts("deploy/local/kanoon", LAUNCHER_OPTS),
                app.resolve("app-cds.jsa").toString(), app.resolve("quarkus-run.jar").toString()));
    }

    @Test
    void theLocalStackAndTheBenchmarkStartServicesFromTheApplicationsDirectoryWithTheArchive() {
        String launcher = Repo.read(Repo.ROOT.resolve("deploy/local/kanoon"));
        assertTrue(launcher.contains("start_bg \"$module\" \"$app\" env") && launcher.contains("$cds -Dkanoon.component=\"$module\" -jar quarkus-run.jar"),
                "deploy/local/kanoon runs `java … $cds … -jar quarkus-run.jar` in the copy of quarkus-app");
        String bench = Repo.read(Repo.ROOT.resolve("bench/lib/stack.sh"));
        assertTrue(bench.contains("(cd \"$(dirname \"$jar\")\" && exec env") && bench.contains("$cds ${BENCH_EXTRA_JAVA_OPTS:-}"),
                "bench/lib/stack.sh runs `java … $cds … -jar quarkus-run.jar` in target/quarkus-app");
    }
}
