// Fault-experiment driver (issue 14, "Faults"). Run with the JDK's source launcher; bench/faults/run puts
// kafka-clients, the PostgreSQL driver and slf4j-api from ~/.m2 on the classpath. No JSON library on purpose:
// the few fields read are found with regular expressions, so the driver needs nothing the stack does not.
//
//   java -cp <jars> Faults.java load WRITES_PER_SECOND SECONDS OUT.csv   writes through membership's API
//   java -cp <jars> Faults.java verify OUT.csv...                        counts and invariants (waits for drain)
//   java -cp <jars> Faults.java poison STATE.properties                  poison records onto membership's topic
//   java -cp <jars> Faults.java poison-check STATE.properties            retried, dead-lettered, partition flowed on?
//   java -cp <jars> Faults.java dlt GROUP                                prints the group's dead-letter records
//
// One "chain" = one aggregate: submit an application on someone's behalf (tehran-secretariat), review it and
// approve it (tehran-labour-dg: four eyes forbid the filer to decide). Each step is one write, so
// WRITES_PER_SECOND/3 chains start per second. Events per chain on kanoon.membership.events:
// application.submitted (key = application id) [, a review event if the service has one], application.decided
// (key = application id) and member.admitted (key = member id), which networking's directory consumes.

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class Faults {

    static final String TOPIC = "kanoon.membership.events";
    static final String GROUP = "networking.directory";
    static final String MEMBERSHIP = env("MEMBERSHIP_URL", "http://127.0.0.1:38081") + "/api/v1";
    static final String KEYCLOAK = env("KC_URL", "http://localhost:38180") + "/realms/kanoon/protocol/openid-connect/token";
    static final String KAFKA = env("KAFKA", "localhost:39092");
    static final String PG = env("PG", "jdbc:postgresql://localhost:35432/");

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "load" -> load(Double.parseDouble(args[1]), Integer.parseInt(args[2]), Path.of(args[3]));
            case "verify" -> System.exit(verify(Arrays.copyOfRange(args, 1, args.length)));
            case "poison" -> poison(args.length > 1 ? Path.of(args[1]) : null);
            case "poison-check" -> System.exit(poisonCheck(Path.of(args[1])));
            case "dlt" -> dlt(args[1]);
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static String env(String k, String d) {
        String v = System.getenv(k);
        return v == null || v.isBlank() ? d : v;
    }

    // ---------------------------------------------------------------- load

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1).build();

    static final class Tokens {
        final Map<String, String> token = new ConcurrentHashMap<>();
        final Map<String, Instant> got = new ConcurrentHashMap<>();

        String of(String user) {
            Instant t = got.get(user);
            // access tokens last 15 minutes: renew after 10
            if (t == null || t.isBefore(Instant.now().minusSeconds(600))) {
                synchronized (this) {
                    t = got.get(user);
                    if (t == null || t.isBefore(Instant.now().minusSeconds(600))) {
                        token.put(user, fetch(user));
                        got.put(user, Instant.now());
                    }
                }
            }
            return token.get(user);
        }

        static String fetch(String user) {
            for (int attempt = 1; ; attempt++) {
                try {
                    String form = "grant_type=password&client_id=web-app&username=" + user + "&password=kanoon";
                    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(KEYCLOAK))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
                    String tok = field(r.body(), "access_token");
                    if (tok != null) {
                        return tok;
                    }
                    throw new IOException("no token: " + r.statusCode() + " " + r.body());
                } catch (Exception e) {
                    if (attempt >= 10) {
                        throw new IllegalStateException("token for " + user, e);
                    }
                    sleep(2000);
                }
            }
        }
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json == null ? "" : json);
        return m.find() ? m.group(1) : null;
    }

    static final AtomicLong NEXT_ID = new AtomicLong((System.currentTimeMillis() / 1000) % 900_000_000L);

    /** A valid Iranian national ID (mod-11 check digit, weights 10..2), unique per run. */
    static String nationalId() {
        String base;
        do {
            base = String.format("%09d", NEXT_ID.getAndAdd(7919) % 1_000_000_000L);
        } while (base.chars().distinct().count() == 1);
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (base.charAt(i) - '0') * (10 - i);
        }
        int r = sum % 11;
        return base + (r < 2 ? r : 11 - r);
    }

    static String applicationBody(String nid) {
        return """
                {"province":"IR-07","category":"ENTREPRENEUR","sector":"INDUSTRIAL","firstName":"مریم","lastName":"کریمی",
                 "firstNameLatin":"Maryam","lastNameLatin":"Karimi","nationalId":"%s","birthDate":"1985-08-02",
                 "mobile":"+989121234567","email":"maryam@example.ir","city":"تهران","expertise":["کارآفرینی"],
                 "achievements":"راه‌اندازی سه کارخانه","businessLicenceNumber":"123456","employees":120,
                 "foundingYear":2012,"patents":[],"awards":[]}""".formatted(nid);
    }

    record Result(int status, String body, String etag, String contentType, long ms) {
    }

    static CompletableFuture<Result> send(String method, String path, String token, String etag, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(MEMBERSHIP + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept-Language", "en")
                .header("Content-Type", "application/json");
        if (etag != null) {
            b.header("If-Match", etag);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        long t0 = System.nanoTime();
        return HTTP.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> new Result(r.statusCode(), r.body(), r.headers().firstValue("ETag").orElse(null),
                        r.headers().firstValue("Content-Type").orElse(""), (System.nanoTime() - t0) / 1_000_000))
                // no answer (connection refused / reset / timeout): the outcome is unknown to the client
                .exceptionally(e -> new Result(-1, String.valueOf(e.getCause() == null ? e : e.getCause()), null, "",
                        (System.nanoTime() - t0) / 1_000_000));
    }

    static void load(double writesPerSecond, int seconds, Path out) throws Exception {
        Tokens tokens = new Tokens();
        String filer = "tehran-secretariat";
        String decider = "tehran-labour-dg";
        tokens.of(filer);
        tokens.of(decider);
        PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8));
        csv.println("chain,step,status,problem,ms,at,application,member,etag");
        Object lock = new Object();
        List<CompletableFuture<?>> chains = Collections.synchronizedList(new ArrayList<>());
        double chainsPerSecond = writesPerSecond / 3.0;
        long periodNanos = (long) (1_000_000_000L / chainsPerSecond);
        long start = System.nanoTime();
        long n = (long) (chainsPerSecond * seconds);
        AtomicLong acked = new AtomicLong(), failed = new AtomicLong();
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor();
        progress.scheduleAtFixedRate(() -> System.out.printf("  [load] %s acked=%d failed=%d%n", Instant.now(),
                acked.get(), failed.get()), 10, 10, TimeUnit.SECONDS);
        for (long i = 0; i < n; i++) {
            long due = start + i * periodNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String chain = "c" + i;
            String nid = nationalId();
            // the writer of one step: records the outcome, passes on the answer
            java.util.function.BiFunction<String, Result, Result> log = (step, r) -> {
                String problem = r.status >= 400 ? Objects.toString(field(r.body, "type"), r.contentType) : "";
                if (r.status < 0) {
                    problem = r.body.replace(',', ';').replace('\n', ' ');
                }
                String app = Objects.toString(field(r.body, "id"), "");
                String member = Objects.toString(field(r.body, "memberId"), "");
                if (!step.equals("submit") && !app.isEmpty() && r.status >= 300) {
                    app = ""; // a problem body's "id"-like fields are not the application
                }
                synchronized (lock) {
                    csv.printf("%s,%s,%d,%s,%d,%s,%s,%s,%s%n", chain, step, r.status, problem, r.ms, Instant.now(), app,
                            member, Objects.toString(r.etag, "").replace(",", ";"));
                }
                (r.status >= 200 && r.status < 300 ? acked : failed).incrementAndGet();
                return r;
            };
            CompletableFuture<?> f = send("POST", "/applications", tokens.of(filer), null, applicationBody(nid))
                    .thenApply(r -> log.apply("submit", r))
                    .thenCompose(r -> {
                        if (r.status != 201) {
                            return CompletableFuture.completedFuture(null);
                        }
                        String id = field(r.body, "id");
                        return send("POST", "/applications/" + id + "/review", tokens.of(decider), r.etag, null)
                                .thenApply(x -> log.apply("review", x))
                                .thenCompose(x -> x.status != 200 ? CompletableFuture.completedFuture(null)
                                        : send("POST", "/applications/" + id + "/decision", tokens.of(decider), x.etag,
                                        "{\"decision\":\"APPROVED\",\"resolutionRef\":\"HT-1405-12\",\"reason\":\"واجد شرایط\"}")
                                        .thenApply(y -> log.apply("decide", y)));
                    });
            chains.add(f);
        }
        System.out.printf("  [load] all %d chains started in %.1f s; waiting for answers%n", n,
                (System.nanoTime() - start) / 1e9);
        CompletableFuture.allOf(chains.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        progress.shutdownNow();
        csv.close();
        System.out.printf("  [load] done: acked=%d failed=%d%n", acked.get(), failed.get());
    }

    // ---------------------------------------------------------------- verify

    record Row(String chain, String step, int status, String problem, String application, String member) {
    }

    static List<Row> read(String file) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(file))) {
            if (line.startsWith("chain,")) {
                continue;
            }
            String[] f = line.split(",", -1);
            rows.add(new Row(file + ":" + f[0], f[1], Integer.parseInt(f[2]), f[3], f[6], f[7]));
        }
        return rows;
    }

    record Event(String id, String type, String key, long offset, int partition) {
    }

    static List<Event> readTopic(String topic, Properties extra) {
        Properties p = consumerProperties("faults-verify-");
        p.put("enable.auto.commit", "false");
        p.put("isolation.level", "read_committed");
        p.putAll(extra);
        List<Event> events = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
            List<TopicPartition> parts = c.partitionsFor(topic, Duration.ofSeconds(60)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts, Duration.ofSeconds(60));
            long deadline = System.currentTimeMillis() + 120_000;
            while (System.currentTimeMillis() < deadline) {
                boolean done = true;
                for (TopicPartition tp : parts) {
                    if (c.position(tp, Duration.ofSeconds(30)) < end.get(tp)) {
                        done = false;
                    }
                }
                if (done) {
                    break;
                }
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                    events.add(new Event(field(r.value(), "id"), field(r.value(), "type"), r.key(), r.offset(), r.partition()));
                }
            }
        }
        return events;
    }

    static long count(Connection c, String sql) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String inList(Collection<String> ids) {
        List<String> ok = ids.stream().filter(i -> i != null && i.matches("[0-9a-fA-F-]{36}")).toList();
        return ok.isEmpty() ? "(NULL)" : "('" + String.join("','", ok) + "')";
    }

    static Connection db(String name) throws Exception {
        return DriverManager.getConnection(PG + name, "kanoon", "kanoon");
    }

    static int verify(String[] files) throws Exception {
        List<Row> rows = new ArrayList<>();
        for (String f : files) {
            rows.addAll(read(f));
        }
        Map<String, long[]> perStep = new TreeMap<>();
        Map<String, Long> failures = new TreeMap<>();
        Set<String> ackSubmit = new TreeSet<>(), ackDecide = new TreeSet<>(), ackMembers = new TreeSet<>();
        Map<String, String> appOfChain = new HashMap<>();
        Set<String> ackReview = new TreeSet<>();
        long unclean = 0, noAnswer = 0;
        for (Row r : rows) {
            long[] s = perStep.computeIfAbsent(r.step, k -> new long[2]);
            s[0]++;
            if (r.step.equals("submit") && !r.application.isEmpty()) {
                appOfChain.put(r.chain, r.application);
            }
            if (r.status >= 200 && r.status < 300) {
                s[1]++;
                switch (r.step) {
                    case "submit" -> ackSubmit.add(r.application);
                    case "review" -> ackReview.add(r.chain);
                    case "decide" -> {
                        ackDecide.add(r.chain);
                        ackMembers.add(r.member);
                    }
                    default -> { }
                }
            } else {
                String kind = r.status < 0 ? "no answer (" + r.problem.replaceAll("^(\\S+).*", "$1") + ")"
                        : r.status + " " + r.problem;
                failures.merge(r.step + ": " + kind, 1L, Long::sum);
                if (r.status < 0) {
                    noAnswer++;
                } else if (r.status >= 500 && !(r.status == 503 && r.problem.contains("/problems/"))) {
                    unclean++;
                }
            }
        }
        Set<String> ackDecidedApps = new TreeSet<>();
        for (String chain : ackDecide) {
            if (appOfChain.containsKey(chain)) {
                ackDecidedApps.add(appOfChain.get(chain));
            }
        }

        // wait until the outbox has drained and networking's directory has caught up (generous: loaded machine)
        long pending = -1, applied = -1;
        long deadline = System.currentTimeMillis() + Long.parseLong(env("DRAIN_SECONDS", "300")) * 1000;
        try (Connection m = db("membership"); Connection n = db("networking")) {
            while (System.currentTimeMillis() < deadline) {
                pending = count(m, "SELECT count(*) FROM outbox_event");
                applied = count(n, "SELECT count(*) FROM directory_entry WHERE member_id IN " + inList(ackMembers));
                if (pending == 0 && applied >= ackMembers.size()) {
                    break;
                }
                sleep(2000);
            }
        }
        long appsInDb, approvedInDb, membersInDb, halfWritten, parked;
        try (Connection m = db("membership")) {
            appsInDb = count(m, "SELECT count(*) FROM application WHERE id IN " + inList(ackSubmit));
            approvedInDb = count(m, "SELECT count(*) FROM application a JOIN member mb ON mb.application_id = a.id "
                    + "WHERE a.status = 'APPROVED' AND a.id IN " + inList(ackDecidedApps));
            membersInDb = count(m, "SELECT count(*) FROM member WHERE id IN " + inList(ackMembers));
            // invariants over the whole database, not only this run: an approved application has exactly one
            // member and the member points back; no member without an approved application
            halfWritten = count(m, "SELECT count(*) FROM application a WHERE (a.status = 'APPROVED') <> "
                    + "(a.member_id IS NOT NULL AND EXISTS (SELECT 1 FROM member mb WHERE mb.id = a.member_id "
                    + "AND mb.application_id = a.id))")
                    + count(m, "SELECT count(*) FROM member mb LEFT JOIN application a ON a.id = mb.application_id "
                    + "WHERE a.id IS NULL OR a.status <> 'APPROVED' OR a.member_id IS DISTINCT FROM mb.id");
            parked = count(m, "SELECT count(*) FROM outbox_event WHERE status = 'PARKED'");
        }

        List<Event> events = readTopic(TOPIC, new Properties());
        Map<String, Integer> seen = new HashMap<>();
        Map<String, List<String>> typesByKey = new HashMap<>();
        Set<String> admittedIds = new TreeSet<>();
        for (Event e : events) {
            if (e.id == null) {
                continue; // a malformed record written by the poison experiment
            }
            if (seen.merge(e.id, 1, Integer::sum) > 1) {
                continue;
            }
            typesByKey.computeIfAbsent(e.key, k -> new ArrayList<>()).add(e.type);
            if (e.type.endsWith(".member.admitted.v1") && ackMembers.contains(e.key)) {
                admittedIds.add(e.id);
            }
        }
        long duplicates = seen.values().stream().filter(v -> v > 1).mapToLong(v -> v - 1).sum();
        long lostSubmitted = ackSubmit.stream().filter(a -> !typesByKey.getOrDefault(a, List.of())
                .contains("ir.kanoon.membership.application.submitted.v1")).count();
        long lostDecided = ackDecidedApps.stream().filter(a -> !typesByKey.getOrDefault(a, List.of())
                .contains("ir.kanoon.membership.application.decided.v1")).count();
        long lostAdmitted = ackMembers.stream().filter(mb -> !typesByKey.getOrDefault(mb, List.of())
                .contains("ir.kanoon.membership.member.admitted.v1")).count();
        // per-aggregate order: an application's events in lifecycle order (submitted before decided)
        long outOfOrder = 0;
        for (String app : ackSubmit) {
            List<String> types = typesByKey.getOrDefault(app, List.of());
            int s = types.indexOf("ir.kanoon.membership.application.submitted.v1");
            int d = types.indexOf("ir.kanoon.membership.application.decided.v1");
            if (d >= 0 && (s < 0 || s > d)) {
                outOfOrder++;
            }
        }
        long processedRows, appliedEntries;
        try (Connection n = db("networking")) {
            processedRows = count(n, "SELECT count(*) FROM processed_event WHERE consumer = '" + GROUP
                    + "' AND event_id IN " + inList(admittedIds));
            appliedEntries = count(n, "SELECT count(*) FROM directory_entry WHERE member_id IN " + inList(ackMembers));
        }
        long writesSent = rows.size();
        long writesAcked = perStep.values().stream().mapToLong(s -> s[1]).sum();
        long lostDb = (ackSubmit.size() - appsInDb) + (ackDecidedApps.size() - approvedInDb) + (ackMembers.size() - membersInDb);
        long lostKafka = lostSubmitted + lostDecided + lostAdmitted;
        long lostConsumer = ackMembers.size() - appliedEntries;

        StringBuilder md = new StringBuilder();
        md.append("| measure | count |\n| --- | --- |\n");
        md.append("| writes sent (submit / review / decide) | ").append(writesSent).append(" (")
                .append(perStep.getOrDefault("submit", new long[2])[0]).append(" / ")
                .append(perStep.getOrDefault("review", new long[2])[0]).append(" / ")
                .append(perStep.getOrDefault("decide", new long[2])[0]).append(") |\n");
        md.append("| acknowledged 2xx (submit / review / decide) | ").append(writesAcked).append(" (")
                .append(perStep.getOrDefault("submit", new long[2])[1]).append(" / ")
                .append(perStep.getOrDefault("review", new long[2])[1]).append(" / ")
                .append(perStep.getOrDefault("decide", new long[2])[1]).append(") |\n");
        for (var f : failures.entrySet()) {
            md.append("| failed: ").append(f.getKey()).append(" | ").append(f.getValue()).append(" |\n");
        }
        md.append("| 5xx other than a 503 problem | ").append(unclean).append(" |\n");
        md.append("| no answer at all (connection refused/reset, 30 s timeout) | ").append(noAnswer).append(" |\n");
        md.append("| acknowledged applications / approvals / members found in the database | ").append(appsInDb)
                .append(" / ").append(approvedInDb).append(" / ").append(membersInDb).append(" |\n");
        md.append("| rows left in outbox_event after the drain (of which PARKED) | ").append(pending).append(" (")
                .append(parked).append(") |\n");
        md.append("| events on ").append(TOPIC).append(" (whole topic, read_committed; distinct ids) | ")
                .append(events.size()).append(" (").append(seen.size()).append(") |\n");
        md.append("| acknowledged writes whose event is on Kafka (submitted / decided / admitted) | ")
                .append(ackSubmit.size() - lostSubmitted).append(" / ").append(ackDecidedApps.size() - lostDecided)
                .append(" / ").append(ackMembers.size() - lostAdmitted).append(" |\n");
        md.append("| duplicate event ids on the topic (whole topic) | ").append(duplicates).append(" |\n");
        md.append("| applications whose events are out of order (decided before submitted) | ").append(outOfOrder).append(" |\n");
        md.append("| member.admitted applied by networking (directory entries / processed_event rows of ")
                .append(GROUP).append(") | ").append(appliedEntries).append(" / ").append(processedRows).append(" |\n");
        md.append("| half-written rows (approved without its member, member without an approved application; whole db) | ")
                .append(halfWritten).append(" |\n");
        md.append("| **lost**: acknowledged but missing in db / on Kafka / in the consumer | **").append(lostDb)
                .append(" / ").append(lostKafka).append(" / ").append(lostConsumer).append("** |\n");
        System.out.print(md);
        boolean ok = lostDb == 0 && lostKafka == 0 && lostConsumer == 0 && unclean == 0 && outOfOrder == 0
                && halfWritten == 0 && pending == 0 && processedRows == admittedIds.size();
        System.out.println(ok ? "VERDICT: PASS" : "VERDICT: FAIL");
        return ok ? 0 : 1;
    }

    // ---------------------------------------------------------------- poison

    /** A throw-away reader of whole topics: its own group (prefix + random), from the earliest record, String values. */
    static Properties consumerProperties(String groupPrefix) {
        Properties p = new Properties();
        p.put("bootstrap.servers", KAFKA);
        p.put("group.id", groupPrefix + UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        p.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        p.put("value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        return p;
    }

    static KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put("bootstrap.servers", KAFKA);
        p.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        p.put("value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        p.put("acks", "all");
        return new KafkaProducer<>(p);
    }

    /**
     * Three poison records, one key (so one partition, in this order), each one a different failure of a consumer:
     * <ol>
     *   <li>bytes that are no CloudEvent: dead-lettered at once (nothing to retry);</li>
     *   <li>a member.admitted whose data the handler rejects ({@code memberId} not a UUID): the handler throws
     *   UnprocessableEventException, dead-lettered at once;</li>
     *   <li>a well-formed member.admitted whose province code is too long for the consumers' columns
     *   (networking's {@code directory_entry.province varchar(8)}): the handler accepts it, PostgreSQL refuses the
     *   row (SQLState 22001) at commit, every time. Not the database being away, so it is retried
     *   {@code kanoon.consumer.max-attempts} times with backoff, then dead-lettered with its reason, and the
     *   partition moves on. Before issue 14's fix it was retried for ever and held the partition.</li>
     * </ol>
     * Writes their partition and offsets to {@code state} for {@link #poisonCheck}.
     */
    static void poison(Path state) throws Exception {
        String stamp = String.valueOf(System.currentTimeMillis());
        String key = "poison-" + stamp;
        try (KafkaProducer<String, String> p = producer()) {
            var a = p.send(new ProducerRecord<>(TOPIC, key, "{not json at all " + stamp)).get();
            String ce = """
                    {"specversion":"1.0","id":"%s","source":"/kanoon/membership","type":"ir.kanoon.membership.member.admitted.v1",
                     "subject":"poison-%s","time":"2026-11-30T00:00:00Z","datacontenttype":"application/json",
                     "data":{"memberId":"not-a-uuid","province":42}}""".formatted(UUID.randomUUID(), stamp);
            var b = p.send(new ProducerRecord<>(TOPIC, key, ce)).get();
            String failingId = UUID.randomUUID().toString();
            String failing = """
                    {"specversion":"1.0","id":"%s","source":"/kanoon/membership","type":"ir.kanoon.membership.member.admitted.v1",
                     "subject":"%s","time":"2026-11-30T00:00:00Z","datacontenttype":"application/json","provincecode":"IR-07",
                     "data":{"memberId":"%s","membershipNumber":"POISON-%s","province":"IR-07-POISON","category":"ENTREPRENEUR",
                     "displayName":"poison %s","status":"ACTIVE"}}""".formatted(failingId, key, UUID.randomUUID(), stamp, stamp);
            var c = p.send(new ProducerRecord<>(TOPIC, key, failing)).get();
            System.out.printf("  [poison] unparseable at %s-%d@%d; unprocessable data at %s-%d@%d; "
                            + "refused by the database at %s-%d@%d (event %s)%n", a.topic(), a.partition(), a.offset(),
                    b.topic(), b.partition(), b.offset(), c.topic(), c.partition(), c.offset(), failingId);
            if (state != null) {
                Properties props = new Properties();
                props.setProperty("key", key);
                props.setProperty("partition", String.valueOf(c.partition()));
                props.setProperty("unparseable", String.valueOf(a.offset()));
                props.setProperty("unprocessable", String.valueOf(b.offset()));
                props.setProperty("refused", String.valueOf(c.offset()));
                props.setProperty("refusedId", failingId);
                props.setProperty("sentAt", Instant.now().toString());
                try (var w = Files.newBufferedWriter(state)) {
                    props.store(w, "bench/faults poison records");
                }
            }
        }
    }

    /** The {@code dlt-*} headers of the dead-letter records of {@code group}, by original partition and offset. */
    static Map<String, Map<String, String>> deadLetters(String group) {
        String topic = TOPIC + "." + group + ".dlt";
        Properties p = consumerProperties("faults-dlt-");
        Map<String, Map<String, String>> byOrigin = new HashMap<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
            if (!c.listTopics(Duration.ofSeconds(30)).containsKey(topic)) {
                return byOrigin;
            }
            List<TopicPartition> parts = c.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            long deadline = System.currentTimeMillis() + 60_000;
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                    Map<String, String> h = new TreeMap<>();
                    for (Header x : r.headers()) {
                        if (x.key().startsWith("dlt")) {
                            h.put(x.key(), new String(x.value(), StandardCharsets.UTF_8));
                        }
                    }
                    byOrigin.put(h.get("dlt-original-partition") + "@" + h.get("dlt-original-offset"), h);
                }
            }
        }
        return byOrigin;
    }

    /**
     * Issue 14: "a consumer fails on a poison event: it is retried, then dead-lettered with its reason; the partition
     * keeps flowing". Checked on networking's {@code networking.directory} consumer against the records
     * {@link #poison} wrote: the two permanent failures dead-lettered after one attempt; the refused row after
     * exactly {@code MAX_ATTEMPTS} (the services' {@code kanoon.consumer.max-attempts}, default 5) attempts, with a
     * reason naming the database's refusal and a first failure before its last (backoff between them); every
     * member.admitted written to the same partition after the poison applied by the consumer; and the group's
     * committed offset on that partition past the poison. Exit status 0 when all hold.
     */
    static int poisonCheck(Path stateFile) throws Exception {
        Properties state = new Properties();
        try (var r = Files.newBufferedReader(stateFile)) {
            state.load(r);
        }
        int partition = Integer.parseInt(state.getProperty("partition"));
        long refused = Long.parseLong(state.getProperty("refused"));
        int maxAttempts = Integer.parseInt(env("MAX_ATTEMPTS", "5"));
        long deadline = System.currentTimeMillis() + Long.parseLong(env("DRAIN_SECONDS", "300")) * 1000;

        // the refused record is retried with backoff before it is dead-lettered: wait for it (bounded)
        Map<String, Map<String, String>> dlt = deadLetters(GROUP);
        while (!dlt.containsKey(partition + "@" + refused) && System.currentTimeMillis() < deadline) {
            sleep(2000);
            dlt = deadLetters(GROUP);
        }
        List<String> failures = new ArrayList<>();
        StringBuilder md = new StringBuilder("| poison record (`").append(TOPIC).append("`-").append(partition)
                .append(") | on `").append(GROUP).append("`'s dead-letter topic | dlt-attempts | dlt-reason | "
                        + "first → last failure |\n| --- | --- | --- | --- | --- |\n");
        for (String which : List.of("unparseable", "unprocessable", "refused")) {
            long offset = Long.parseLong(state.getProperty(which));
            Map<String, String> h = dlt.get(partition + "@" + offset);
            String expectedAttempts = which.equals("refused") ? String.valueOf(maxAttempts) : "1";
            if (h == null) {
                failures.add(which + " record @" + offset + " not dead-lettered");
                md.append("| ").append(which).append(" @").append(offset).append(" | **no** | | | |\n");
                continue;
            }
            String reason = h.getOrDefault("dlt-reason", "");
            String first = h.get("dlt-first-failure-at"), last = h.get("dlt-last-failure-at");
            md.append("| ").append(which).append(" @").append(offset).append(" | yes | ")
                    .append(h.get("dlt-attempts")).append(" (expected ").append(expectedAttempts).append(") | ")
                    .append(reason.replace("|", "\\|").replace("\n", " ")).append(" | ").append(first).append(" → ")
                    .append(last).append(" |\n");
            if (!expectedAttempts.equals(h.get("dlt-attempts"))) {
                failures.add(which + ": dlt-attempts " + h.get("dlt-attempts") + ", expected " + expectedAttempts);
            }
            if (reason.isBlank()) {
                failures.add(which + ": no dlt-reason");
            }
            if (which.equals("refused")) {
                if (!reason.contains("22001")) {
                    failures.add("refused: dlt-reason does not name the database's refusal (SQLState 22001)");
                }
                if (first == null || last == null || !Instant.parse(first).isBefore(Instant.parse(last))) {
                    failures.add("refused: no retries between first and last failure (" + first + " → " + last + ")");
                }
            }
        }

        // later events of the partition: every member.admitted written behind the poison must be applied
        Set<String> later = new TreeSet<>();
        for (Event e : readTopic(TOPIC, new Properties())) {
            if (e.partition() == partition && e.offset() > refused && e.id() != null
                    && "ir.kanoon.membership.member.admitted.v1".equals(e.type())) {
                later.add(e.id());
            }
        }
        long applied = 0;
        while (System.currentTimeMillis() < deadline) {
            try (Connection n = db("networking")) {
                applied = count(n, "SELECT count(*) FROM processed_event WHERE consumer = '" + GROUP
                        + "' AND event_id IN " + inList(later));
            }
            if (applied >= later.size()) {
                break;
            }
            sleep(2000);
        }
        long committed = -1;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KAFKA))) {
            OffsetAndMetadata o = admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata()
                    .get(60, TimeUnit.SECONDS).get(new TopicPartition(TOPIC, partition));
            committed = o == null ? -1 : o.offset();
        }
        if (later.isEmpty()) {
            failures.add("no member.admitted behind the poison on partition " + partition + " (did the load run?)");
        }
        if (applied < later.size()) {
            failures.add((later.size() - applied) + " member.admitted behind the poison not applied");
        }
        if (committed <= refused) {
            failures.add(GROUP + "'s committed offset " + committed + " not past the poison @" + refused);
        }
        md.append("\n| behind the poison on the same partition | count |\n| --- | --- |\n")
                .append("| member.admitted written after it | ").append(later.size()).append(" |\n")
                .append("| of which applied by `").append(GROUP).append("` (processed_event rows) | ").append(applied)
                .append(" |\n| `").append(GROUP).append("`'s committed offset on the partition (poison @")
                .append(refused).append(") | ").append(committed).append(" |\n");
        System.out.print(md);
        failures.forEach(f -> System.out.println("FAILED: " + f));
        System.out.println(failures.isEmpty() ? "POISON VERDICT: PASS" : "POISON VERDICT: FAIL");
        return failures.isEmpty() ? 0 : 1;
    }

    static void dlt(String group) {
        String topic = TOPIC + "." + group + ".dlt";
        Properties p = consumerProperties("faults-dlt-");
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
            if (!c.listTopics(Duration.ofSeconds(30)).containsKey(topic)) {
                System.out.println("  [dlt] no topic " + topic);
                return;
            }
            List<TopicPartition> parts = c.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            int n = 0;
            long deadline = System.currentTimeMillis() + 60_000;
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                    n++;
                    StringBuilder h = new StringBuilder();
                    for (Header x : r.headers()) {
                        if (x.key().startsWith("dlt")) {
                            h.append(x.key()).append('=').append(new String(x.value(), StandardCharsets.UTF_8)).append("; ");
                        }
                    }
                    System.out.printf("  [dlt] %s@%d key=%s %s%n", topic, r.offset(), r.key(), h);
                }
            }
            System.out.printf("  [dlt] %d record(s) on %s%n", n, topic);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
