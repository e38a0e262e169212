package ir.kanoon.platform.testing.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A plain JDK HTTP client for the engines: thread-safe (they send in parallel), no RestAssured filters, raw
 * bytes in and out so that invalid JSON and odd headers reach the service as written.
 */
public final class ApiClient {

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    public ApiClient(URI base) {
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    }

    public record Call(String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
        public static Call of(String method, String pathAndQuery) {
            return new Call(method, pathAndQuery, new LinkedHashMap<>(), null);
        }

        public Call header(String name, String value) {
            if (value != null) {
                headers.put(name, value);
            }
            return this;
        }

        public Call bearer(String token) {
            return token == null ? this : header("Authorization", "Bearer " + token);
        }

        public Call json(String json) {
            return body("application/json", json.getBytes(StandardCharsets.UTF_8));
        }

        public Call body(String contentType, byte[] bytes) {
            header("Content-Type", contentType);
            return new Call(method, pathAndQuery, headers, bytes);
        }

        @Override
        public String toString() {
            String b = body == null ? "" : " body=" + abbreviate(new String(body, StandardCharsets.UTF_8));
            return method + " " + abbreviate(pathAndQuery) + " headers=" + abbreviateHeaders(headers) + b;
        }
    }

    public record Answer(int status, String contentType, String body, Map<String, String> headers) {
        public boolean is2xx() {
            return status >= 200 && status < 300;
        }

        public boolean isProblem() {
            return contentType != null && contentType.toLowerCase().startsWith("application/problem+json");
        }

        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase()));
        }
    }

    /**
     * Sends it; a connection the server closed while idle in the client's pool (after an answer that closed it,
     * e.g. a 414) fails the next request on it before the server saw it, so an I/O failure is retried once on a
     * new connection. A second failure is the answer ({@code -1}): the server dropped the request.
     */
    public Answer send(Call call) {
        Answer a = sendOnce(call);
        return a.status() < 0 ? sendOnce(call) : a;
    }

    private Answer sendOnce(Call call) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + call.pathAndQuery()))
                    .timeout(Duration.ofSeconds(60));
            call.headers().forEach((k, v) -> {
                try {
                    b.header(k, v);
                } catch (IllegalArgumentException refusedByTheJdk) {
                    // the JDK will not send some header values (control characters); the request goes without it
                }
            });
            b.method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(call.body()));
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Map<String, String> headers = new LinkedHashMap<>();
            r.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
            return new Answer(r.statusCode(), headers.get("content-type"), r.body(), headers);
        } catch (java.io.IOException e) {
            // a connection the server reset (e.g. on an over-size body) is an answer too, never a 5xx
            return new Answer(-1, null, String.valueOf(e), Map.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…(" + s.length() + " chars)";
    }

    private static String abbreviateHeaders(Map<String, String> headers) {
        Map<String, String> shown = new LinkedHashMap<>();
        headers.forEach((k, v) -> shown.put(k, k.equals("Authorization") ? "Bearer …" : abbreviate(v)));
        return shown.toString();
    }
}
