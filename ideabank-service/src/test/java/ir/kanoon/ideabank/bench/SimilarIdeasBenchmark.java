package ir.kanoon.ideabank.bench;

import io.agroal.api.AgroalDataSource;
import ir.kanoon.platform.testing.KanoonTest;
import ir.kanoon.platform.testing.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * Benchmark, run on demand with bench/ideabank/run.sh (a *Benchmark, which surefire does not pick up in the normal
 * test run): GET /api/v1/ideas/{id}/similar over 100,000 ideas, goal p95 under 100 ms (issue 10). It measures and
 * reports (bench/ideabank/RESULTS.md records the runs); speed is never a test assertion. Ideas are generated in SQL from a Persian vocabulary
 * (titles of 4-7 words, summaries of 10-16), so trigrams overlap the way real texts do; the {@code idea_word} trigger
 * fills the candidate words as it does for the service. Requests go through the whole HTTP stack (JWT,
 * confidentiality clause, word candidates + pg_trgm scoring) with a secretariat and a member token. The machine's
 * load average is printed with the figures (the box is shared, so numbers without it mean little).
 */
@KanoonTest
class SimilarIdeasBenchmark {

    static final int IDEAS = Integer.getInteger("kanoon.bench.ideas", 100_000);
    static final int REQUESTS = Integer.getInteger("kanoon.bench.requests", 500);

    static final String WORDS = "سامانه هوشمند کشاورزی گلخانه خورشیدی آبیاری قطره حسگر رطوبت خاک بازیافت پلاستیک "
            + "صنایع دستی فروش برخط گردشگری روستا بوم گردی اقامتگاه نان سنتی تولید کود پسماند شهری انرژی باد "
            + "آموزش کودکان برنامه نویسی سلامت دارو گیاهی درمان پزشکی سیار حمل نقل دوچرخه اشتراکی فرش دستباف "
            + "زعفران پسته خرما صادرات بازار دیجیتال پرداخت مالی سرمایه خطرپذیر شتاب دهنده مرکز رشد پارک فناوری "
            + "دانشگاه پژوهش نوآوری اختراع ثبت طراحی صنعتی قطعه خودرو ماشین ابزار چاپ سه بعدی رباتیک پهپاد "
            + "نقشه برداری معدن سنگ ساختمان عایق حرارتی مصالح سبک چوب مبلمان پوشاک مد لباس نساجی ابریشم";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void similarIdeas_latencyAt100kIdeas() throws Exception {
        String loadBefore = loadAverage();
        long t0 = System.nanoTime();
        String[] words = vocabulary();
        StringBuilder arr = new StringBuilder("ARRAY[");
        for (int i = 0; i < words.length; i++) {
            arr.append(i == 0 ? "" : ",").append('\'').append(words[i]).append('\'');
        }
        arr.append("]");
        // correlated on g, so every row draws its own words; folded like PersianText.fold (no spaces, آ → ا)
        // (the "+ i * 0" keeps the aggregate at the inner level: with outer references only, SQL evaluates it outside)
        String words3 = "(SELECT string_agg(v.w[1 + floor(random() * cardinality(v.w))::int + i * 0], ' ') FROM generate_series(1, %s) i)";
        String sql = """
                INSERT INTO idea (id, province, kind, title, summary, description, sector, stage, confidentiality, status,
                    submitter, search_text, similarity_text, similarity_words, created_at, updated_at)
                SELECT gen_random_uuid(), (ARRAY['IR-07','IR-04','IR-03','IR-08','IR-10','IR-12'])[1 + g %% 6], 'IDEA', x.t, x.sm,
                    null, 'AGRICULTURE', 'CONCEPT', (ARRAY['PUBLIC','MEMBERS','REVIEWERS'])[1 + g %% 3], 'SUBMITTED',
                    'bench-' || g, translate(replace(x.t || x.sm, ' ', ''), 'آ', 'ا'),
                    translate(replace(x.t || x.sm, ' ', ''), 'آ', 'ا'),
                    ARRAY(SELECT DISTINCT w FROM unnest(string_to_array(translate(x.t || ' ' || x.sm, 'آ', 'ا'), ' ')) w
                          WHERE char_length(w) >= 2 ORDER BY w), now(), now()
                FROM generate_series(1, %d) g
                CROSS JOIN LATERAL (SELECT %s AS t, %s AS sm FROM (SELECT %s AS w) v) x
                """.formatted(IDEAS, words3.formatted("4 + g % 4"), words3.formatted("10 + g % 7"), arr);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
            // what autovacuum does after a bulk load: statistics, and the visibility map for index-only scans
            s.execute("VACUUM ANALYZE idea");
            s.execute("VACUUM ANALYZE idea_word");
        }
        long loaded = System.nanoTime();
        List<UUID> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT id FROM idea WHERE province = 'IR-07' ORDER BY random() LIMIT " + REQUESTS)) {
            while (rs.next()) {
                ids.add((UUID) rs.getObject(1));
            }
        }
        String staff = TestTokens.secretariat("IR-07");
        String member = TestTokens.member("bench-reader", "IR-07");
        for (int i = 0; i < 30; i++) { // warm-up
            given().auth().oauth2(staff).get("/api/v1/ideas/" + ids.get(i) + "/similar").then().statusCode(200);
        }
        Random random = new Random(1);
        List<Long> staffMs = new ArrayList<>();
        List<Long> memberMs = new ArrayList<>();
        int found = 0;
        for (int i = 0; i < ids.size(); i++) {
            boolean asMember = random.nextBoolean();
            long s0 = System.nanoTime();
            var response = given().auth().oauth2(asMember ? member : staff).get("/api/v1/ideas/" + ids.get(i) + "/similar")
                    .then().extract();
            long ms = (System.nanoTime() - s0) / 1_000_000;
            if (response.statusCode() == 200) {
                (asMember ? memberMs : staffMs).add(ms);
                found += response.jsonPath().getList("$").size();
            }
        }
        // recall: planted duplicates — the first 100 measured ideas copied with another idea's title (reworded) and the
        // same summary; each copy's similar ideas must contain its original (visible: a secretariat of IR-07)
        int planted = Math.min(100, ids.size());
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO idea (id, province, kind, title, summary, sector, stage, confidentiality, status, submitter,
                        search_text, similarity_text, similarity_words, created_at, updated_at)
                    SELECT gen_random_uuid(), o.province, 'IDEA', x.title, o.summary, 'AGRICULTURE', 'CONCEPT', 'PUBLIC', 'SUBMITTED',
                        'copy-of-' || o.id, '', translate(replace(x.title || o.summary, ' ', ''), 'آ', 'ا'),
                        ARRAY(SELECT DISTINCT w FROM unnest(string_to_array(translate(x.title || ' ' || o.summary, 'آ', 'ا'), ' ')) w
                              WHERE char_length(w) >= 2 ORDER BY w), now(), now()
                    FROM idea o CROSS JOIN LATERAL (SELECT title FROM idea WHERE province = 'IR-04' AND id > o.id ORDER BY id LIMIT 1) x
                    WHERE o.id = ANY ('{%s}'::uuid[])
                    """.formatted(String.join(",", ids.subList(0, planted).stream().map(UUID::toString).toList())));
        }
        int recalled = 0;
        List<Long> dupMs = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT id, substring(submitter from 9) FROM idea WHERE submitter LIKE 'copy-of-%'")) {
            while (rs.next()) {
                long s0 = System.nanoTime();
                List<String> similar = given().auth().oauth2(staff).get("/api/v1/ideas/" + rs.getObject(1) + "/similar")
                        .then().statusCode(200).extract().jsonPath().getList("id");
                dupMs.add((System.nanoTime() - s0) / 1_000_000);
                recalled += similar.contains(rs.getString(2)) ? 1 : 0;
            }
        }
        System.out.println("BENCH recall: %d of %d planted duplicates (title reworded, summary copied) found their original; their requests p95=%d ms"
                .formatted(recalled, planted, pct(dupMs, 95)));
        // baselines: the same HTTP path for a plain GET of one idea, and the SQL alone (EXPLAIN ANALYZE, server time)
        List<Long> plainMs = new ArrayList<>();
        for (int i = 0; i < Math.min(200, ids.size()); i++) {
            long s0 = System.nanoTime();
            given().auth().oauth2(staff).get("/api/v1/ideas/" + ids.get(i)).then().statusCode(200);
            plainMs.add((System.nanoTime() - s0) / 1_000_000);
        }
        // the service's query (IdeaService.similarTo) without the caller's visibility clause
        List<Long> sqlMs = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            for (int i = 0; i < Math.min(100, ids.size()); i++) {
                try (var ps = c.prepareStatement("EXPLAIN (ANALYZE, FORMAT JSON)"
                        + " WITH me AS (SELECT id, similarity_text AS key, similarity_words AS words FROM idea WHERE id = ?),"
                        + " q AS (SELECT DISTINCT unnest(me.words) AS word FROM me),"
                        + " sig AS (SELECT q.word FROM q WHERE (SELECT count(*) FROM (SELECT 1 FROM idea_word w WHERE w.word = q.word"
                        + "   LIMIT 5000) c) < 5000),"
                        + " cand AS (SELECT w.idea_id, count(*) AS shared FROM idea_word w JOIN sig ON sig.word = w.word"
                        + "   WHERE w.idea_id <> ? GROUP BY w.idea_id ORDER BY shared DESC, w.idea_id LIMIT 50)"
                        + " SELECT i.id, similarity(i.similarity_text, me.key) AS score FROM cand JOIN idea i ON i.id = cand.idea_id, me"
                        + " WHERE i.status <> 'MERGED' AND similarity(i.similarity_text, me.key) >= 0.3 ORDER BY score DESC, i.id LIMIT 10")) {
                    ps.setObject(1, ids.get(i));
                    ps.setObject(2, ids.get(i));
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        String json = rs.getString(1);
                        int at = json.indexOf("\"Execution Time\": ") + 18;
                        sqlMs.add(Math.round(Double.parseDouble(json.substring(at, json.indexOf('\n', at)).replaceAll("[^0-9.]", ""))));
                    }
                }
            }
        }
        System.out.println("BENCH baseline: GET /ideas/{id} p50=%d p95=%d ms | similar SQL alone (EXPLAIN ANALYZE) p50=%d p95=%d ms"
                .formatted(pct(plainMs, 50), pct(plainMs, 95), pct(sqlMs, 50), pct(sqlMs, 95)));
        List<Long> all = new ArrayList<>(staffMs);
        all.addAll(memberMs);
        String report = "ideas=%d vocabulary=%d load=%ds requests=%d similarFound=%d | all p50=%d p95=%d p99=%d max=%d ms | secretariat p95=%d (n=%d) | member p95=%d (n=%d)"
                .formatted(IDEAS, words.length, (loaded - t0) / 1_000_000_000, all.size(), found, pct(all, 50), pct(all, 95), pct(all, 99),
                        pct(all, 100), pct(staffMs, 95), staffMs.size(), pct(memberMs, 95), memberMs.size());
        System.out.println("BENCH similar-ideas: " + report);
        System.out.println("BENCH load average (1/5/15 min, 2 cores): before load " + loadBefore + " | after requests " + loadAverage());
        System.out.println("BENCH goal p95 < 100 ms: " + (pct(all, 95) < 100 ? "met" : "NOT met"));
        // leave the shared test database as it was, so other tests of the same run are not flooded with bench ideas
        // (foreign-key triggers off for this session: checking idea.merged_into, which has no index, for each of
        // 100,000 deleted rows would scan the table 100,000 times; nothing refers to bench ideas)
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica");
            s.execute("DELETE FROM idea_word WHERE idea_id IN (SELECT id FROM idea WHERE submitter LIKE 'bench-%' OR submitter LIKE 'copy-of-%')");
            s.execute("DELETE FROM idea WHERE submitter LIKE 'bench-%' OR submitter LIKE 'copy-of-%'");
            s.execute("RESET session_replication_role");
        }
    }

    /**
     * The words texts are drawn from: by default {@code kanoon.bench.vocabulary} = 3000 pseudo-words of 2-3 Persian
     * syllables (a realistic number of distinct words in a bank of idea texts) plus the real words above; with
     * {@code -Dkanoon.bench.vocabulary=0} only the ~90 real words (a worst case: every trigram is in ~20% of ideas).
     */
    static String[] vocabulary() {
        List<String> words = new ArrayList<>(List.of(WORDS.split(" ")));
        String[] syllables = "کا,ری,سا,نه,مو,تر,با,زا,دی,گل,خا,نو,پر,شی,ده,ور,سن,تی,جو,فر,لا,مه,رو,چی,دا,بن,کو,هن,ژه,ست".split(",");
        Random random = new Random(42);
        int n = Integer.getInteger("kanoon.bench.vocabulary", 3000);
        java.util.Set<String> made = new java.util.LinkedHashSet<>();
        while (made.size() < n) {
            StringBuilder w = new StringBuilder();
            for (int k = 0, len = 2 + random.nextInt(2); k < len; k++) {
                w.append(syllables[random.nextInt(syllables.length)]);
            }
            made.add(w.toString());
        }
        words.addAll(made);
        return words.toArray(String[]::new);
    }

    static String loadAverage() {
        try {
            String[] parts = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static long pct(List<Long> values, int p) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
