package ir.kanoon.gateway.observability;

import io.vertx.core.http.HttpServerRequest;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** The {@code X-Request-Id} a request carries through the gateway, the services and every log line. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    /**
     * What we accept from a caller: short and printable, so a client cannot inject log lines or
     * oversized headers through it. Anything else is replaced by a fresh id.
     */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:@\\-]{1,128}");

    private RequestIds() {
    }

    public static boolean acceptable(String id) {
        return id != null && ACCEPTED.matcher(id).matches();
    }

    /**
     * A random v4 UUID from {@link ThreadLocalRandom}: request ids need to be unique, not secret, and
     * {@link UUID#randomUUID()}'s shared SecureRandom would be a point of contention on the event loops.
     */
    public static String generate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    /** The id of a request that went through {@link GatewayFilters} (it is always set there). */
    public static String of(HttpServerRequest request) {
        return request.getHeader(HEADER);
    }
}
