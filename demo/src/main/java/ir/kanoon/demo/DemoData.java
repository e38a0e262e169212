package ir.kanoon.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * {@code kanoon demo}: loads the demo data set into a running stack through the public API (the gateway), as the
 * front-end and the province's staff would: Tehran and Isfahan with full Boards, members of the four categories,
 * working groups, six months of meetings, ideas in every state, experiences, a tour with a waitlist, partners,
 * support packages, advisors and clusters.
 *
 * <p>Idempotent: every step looks for what it would create first (by national ID, title or name) and moves an
 * existing thing on from the state it is in, and creating POSTs carry an {@code Idempotency-Key}; a second run
 * creates nothing and says so.
 *
 * <p>Options (or environment): {@code --gateway} ({@code KANOON_GATEWAY}, http://localhost:8080), {@code --keycloak}
 * ({@code KANOON_KEYCLOAK}, http://localhost:8180), {@code KANOON_KEYCLOAK_ADMIN} / {@code _PASSWORD} (admin/admin),
 * {@code KANOON_DEMO_PASSWORD} (kanoon, the realm's demo password).
 */
public final class DemoData {

    static final ZoneId TEHRAN_ZONE = ZoneId.of("Asia/Tehran");

    /** What a run did: per section, how many things it created and how many it found already there. */
    public static final class Report {
        final Map<String, int[]> counts = new LinkedHashMap<>();
        final List<String> facts = new ArrayList<>();
        final Map<String, Long> sectionMillis = new LinkedHashMap<>();
        public Duration took;
        public int calls;

        synchronized void created(String what) {
            counts.computeIfAbsent(what, k -> new int[2])[0]++;
        }

        synchronized void found(String what) {
            counts.computeIfAbsent(what, k -> new int[2])[1]++;
        }

        synchronized void fact(String line) {
            facts.add(line);
        }

        synchronized void took(String section, long millis) {
            sectionMillis.put(section, millis);
        }

        /** How many things of one kind this run created. */
        public synchronized int createdOf(String what) {
            return counts.getOrDefault(what, new int[2])[0];
        }

        /** Things created by this run (0 on a second run). */
        public int totalCreated() {
            return counts.values().stream().mapToInt(c -> c[0]).sum();
        }

        public int totalFound() {
            return counts.values().stream().mapToInt(c -> c[1]).sum();
        }

        public String render() {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "%-34s %8s %8s%n", "demo data", "created", "existing"));
            counts.forEach((k, v) -> b.append(String.format(Locale.ROOT, "%-34s %8d %8d%n", k, v[0], v[1])));
            b.append('\n');
            StringBuilder t = new StringBuilder();
            sectionMillis.forEach((k, v) -> t.append(t.length() == 0 ? "" : ", ").append(k).append(' ')
                    .append(String.format(Locale.ROOT, "%.1f s", v / 1000.0)));
            b.append("  time per step: ").append(t).append('\n');
            facts.forEach(f -> b.append("  ").append(f).append('\n'));
            return b.toString();
        }
    }

    final Api api;
    final Report report = new Report();
    final LocalDate today = LocalDate.now(TEHRAN_ZONE);
    /** Leaf tasks only (one call chain each; they never submit more work here), so the pool cannot deadlock. */
    private final ExecutorService work = Executors.newFixedThreadPool(10, r -> {
        Thread t = new Thread(r, "demo-work");
        t.setDaemon(true);
        return t;
    });

    public DemoData(String gateway, String keycloak, String password, String adminUser, String adminPassword) {
        this.api = new Api(gateway, keycloak, password, adminUser, adminPassword);
    }

    public static void main(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--") && i + 1 < args.length) {
                opts.put(args[i].substring(2), args[++i]);
            } else {
                System.err.println("usage: java -jar kanoon-demo.jar [--gateway URL] [--keycloak URL]");
                System.exit(2);
            }
        }
        DemoData demo = new DemoData(
                opts.getOrDefault("gateway", env("KANOON_GATEWAY", "http://localhost:8080")),
                opts.getOrDefault("keycloak", env("KANOON_KEYCLOAK", "http://localhost:8180")),
                env("KANOON_DEMO_PASSWORD", "kanoon"),
                env("KANOON_KEYCLOAK_ADMIN", "admin"), env("KANOON_KEYCLOAK_ADMIN_PASSWORD", "admin"));
        try {
            Report r = demo.run();
            System.out.print(r.render());
            System.out.printf(Locale.ROOT, "%nloaded in %.1f s (%d API calls; %d created, %d already there)%n",
                    r.took.toMillis() / 1000.0, r.calls, r.totalCreated(), r.totalFound());
            System.out.print(LOGIN_HINT);
        } catch (RuntimeException e) {
            System.err.println("demo data failed: " + e.getMessage());
            System.exit(1);
        }
    }

    static final String LOGIN_HINT = """

            Log in (password kanoon, client web-app; see README "Demo data") as:
              tehran-secretariat / isfahan-secretariat    applications, members, Board, meetings, ideas, tours, partners
              tehran-labour-dg, tehran-planning-deputy    the Board Secretary and Chair (decrees, officers, compliance)
              tehran-trustee                              a trustee on Tehran's Board (entrepreneur-expert seat)
              tehran-member / isfahan-member              an active member: directory, tour registration, ideas
              demo-tehran-01..12, demo-isfahan-01..12     more members (three of each category); some are working-group
                                                          secretaries, advisors, idea submitters and reviewers
              ministry-admin, ministry-analyst            every province (GET /api/v1/compliance)
            """;

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** Loads everything; throws {@link Api.Failure} naming the call that went wrong. */
    public Report run() {
        long t0 = System.nanoTime();
        ProvinceLoader tehran = new ProvinceLoader(this, People.TEHRAN, "isfahan");
        ProvinceLoader isfahan = new ProvinceLoader(this, People.ISFAHAN, "tehran");
        Networking networking = new Networking(this, tehran, isfahan);
        // The two provinces do not depend on each other: load them side by side; the tour (both) comes after.
        ExecutorService provinces = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "demo-province");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (ProvinceLoader p : List.of(tehran, isfahan)) {
                running.add(provinces.submit(() -> {
                    timed(p.p + " members", p::people);
                    timed(p.p + " Board", p::board);
                    timed(p.p + " working groups", p::workingGroups);
                    timed(p.p + " meetings", p::meetings);
                    timed(p.p + " ideas", p::ideas);
                    timed(p.p + " experiences", p::experiences);
                    timed(p.p + " networking", () -> networking.province(p));
                }));
            }
            join(running);
            timed("tour and national", networking::national);
            for (ProvinceLoader p : List.of(tehran, isfahan)) {
                p.summary();
            }
        } finally {
            provinces.shutdownNow();
            work.shutdownNow();
        }
        report.took = Duration.ofNanos(System.nanoTime() - t0);
        report.calls = api.calls.get();
        return report;
    }

    private void timed(String section, Runnable step) {
        long t = System.nanoTime();
        step.run();
        long ms = (System.nanoTime() - t) / 1_000_000;
        report.took(section, ms);
        // progress while it runs (the table comes at the end)
        System.out.printf(Locale.ROOT, "  %-28s done in %5.1f s (%d API calls so far)%n", section, ms / 1000.0, api.calls.get());
    }

    /** Runs {@code task} for every item on the work pool and waits for all; the first failure is rethrown. */
    <T> void parallel(List<T> items, Consumer<T> task) {
        List<Future<?>> futures = new ArrayList<>();
        for (T item : items) {
            futures.add(work.submit(() -> task.accept(item)));
        }
        join(futures);
    }

    private static void join(List<Future<?>> futures) {
        RuntimeException first = null;
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                if (first == null) {
                    first = e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** An instant {@code daysAgo} days before today at {@code hour}:00 Tehran time. */
    Instant tehranTime(int daysAgo, int hour) {
        return today.minusDays(daysAgo).atTime(hour, 0).atZone(TEHRAN_ZONE).toInstant();
    }
}
