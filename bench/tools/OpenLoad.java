import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-model (constant arrival rate) HTTP load: request i is due at start + i / rate whether or not earlier
 * requests have answered, and its latency is measured from when it was DUE, not from when it was sent — so a
 * stalled server shows as latency instead of silently lowering the offered load (coordinated omission, which
 * closed-loop tools such as wrk suffer from). JDK only; run as a single-file program:
 *
 * <pre>
 *   java bench/tools/OpenLoad.java --rate 300 --seconds 20 --url 'http://127.0.0.1:28081/api/v1/members/{id}' \
 *        --ids ids.txt --tokens tokens.txt [--post-applications IR-07] [--warmup 5]
 * </pre>
 *
 * {id} in the URL takes the next line of --ids; each request carries the next token of --tokens (many distinct
 * tokens, as production has). --post-applications sends POST /applications bodies with fresh valid national IDs.
 * Prints one line: "rate=… sent=… ok=… errors=… p50=… p90=… p99=… p999=… max=… (ms)".
 */
public class OpenLoad {

    public static void main(String[] args) throws Exception {
        double rate = 100;
        int seconds = 20;
        int warmup = 0;
        String url = null;
        List<String> ids = List.of("");
        List<String> tokens = List.of("");
        String postProvince = null;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--rate" -> rate = Double.parseDouble(args[i + 1]);
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--url" -> url = args[i + 1];
                case "--ids" -> ids = Files.readAllLines(Path.of(args[i + 1]));
                case "--tokens" -> tokens = Files.readAllLines(Path.of(args[i + 1]));
                case "--post-applications" -> postProvince = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (url == null) {
            throw new IllegalArgumentException("--url is required");
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(2)).connectTimeout(Duration.ofSeconds(5)).build();
        if (warmup > 0) {
            run(client, rate, warmup, url, ids, tokens, postProvince, 7_000_000);
        }
        Result r = run(client, rate, seconds, url, ids, tokens, postProvince, 1_000_000);
        long[] l = r.latenciesNanos;
        Arrays.sort(l);
        System.out.printf("rate=%.0f/s sent=%d answered=%d errors=%d p50=%.2f p90=%.2f p99=%.2f p999=%.2f max=%.2f (ms)%n",
                rate, r.sent, l.length, r.errors, pct(l, 50), pct(l, 90), pct(l, 99), pct(l, 99.9),
                l.length == 0 ? 0 : l[l.length - 1] / 1e6);
        System.exit(0);
    }

    record Result(long sent, long errors, long[] latenciesNanos) {
    }

    static Result run(HttpClient client, double rate, int seconds, String url, List<String> ids, List<String> tokens,
                      String postProvince, int nidBase) throws InterruptedException {
        long total = (long) (rate * seconds);
        long period = (long) (1e9 / rate);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        AtomicInteger outstanding = new AtomicInteger();
        long start = System.nanoTime() + 50_000_000;
        int nid = nidBase + (int) (System.currentTimeMillis() / 1000 % 100_000) * 10;
        for (long i = 0; i < total; i++) {
            long due = start + i * period;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            String u = url.replace("{id}", ids.get((int) (i % ids.size())));
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(u)).timeout(Duration.ofSeconds(30));
            String token = tokens.get((int) (i % tokens.size()));
            if (!token.isEmpty()) {
                b.header("Authorization", "Bearer " + token);
            }
            if (postProvince != null) {
                b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        applicationBody(postProvince, nationalId(nid + (int) i))));
            }
            outstanding.incrementAndGet();
            client.sendAsync(b.build(), HttpResponse.BodyHandlers.discarding()).whenComplete((resp, err) -> {
                latencies.add(System.nanoTime() - due);
                if (err != null || resp.statusCode() >= 400) {
                    errors.incrementAndGet();
                }
                outstanding.decrementAndGet();
            });
        }
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (outstanding.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        long[] l = latencies.stream().mapToLong(Long::longValue).toArray();
        return new Result(total, errors.get(), l);   // unanswered = sent - answered
    }

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    /** A valid Iranian national ID from a counter: 9 digits and the mod-11 check digit (weights 10..2). */
    static String nationalId(int n) {
        String body = String.format("%09d", n % 1_000_000_000);
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (body.charAt(i) - '0') * (10 - i);
        }
        int r = sum % 11;
        return body + (r < 2 ? r : 11 - r);
    }

    static String applicationBody(String province, String nationalId) {
        return "{\"province\":\"" + province + "\",\"category\":\"ENTREPRENEUR\",\"sector\":\"INDUSTRIAL\","
                + "\"firstName\":\"مریم\",\"lastName\":\"کریمی\",\"nationalId\":\"" + nationalId + "\","
                + "\"birthDate\":\"1985-08-02\",\"mobile\":\"09121234567\",\"city\":\"تهران\","
                + "\"expertise\":[\"کارآفرینی\"]}";
    }
}
