package ir.kanoon.gateway.routing;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One value per Vert.x event loop thread, made on first use on that thread; the shared fallback elsewhere.
 *
 * <p>Why (issue 13, figure 3): a Vert.x 4 {@code HttpClient} pool hands out its connections without regard to
 * the caller's event loop. A connection belongs to the event loop that opened it, so when a request that arrived
 * on loop A got a connection of loop B, every step of the exchange crossed threads: the request head was queued to
 * B, the response head, each body chunk and the end were queued back to A — task queues and wake-ups on every
 * proxied request (a quarter of the gateway's CPU samples, and the added latency at a low rate, where an idle loop
 * must be woken). A client per event loop keeps a request and its upstream connection on one thread.
 */
final class LoopLocal<T> {

    private final Map<Thread, T> perLoop = new ConcurrentHashMap<>();
    private final Supplier<T> factory;
    private final T shared;

    LoopLocal(Supplier<T> factory, T shared) {
        this.factory = factory;
        this.shared = shared;
    }

    /** This event loop's value (created by the first call on it), or the shared one off the event loops. */
    T get() {
        if (!Context.isOnEventLoopThread()) {
            return shared;
        }
        Thread thread = Thread.currentThread();
        T value = perLoop.get(thread);
        return value != null ? value : perLoop.computeIfAbsent(thread, t -> factory.get());
    }

    Iterable<T> created() {
        return perLoop.values();
    }

    /** How many event loops the Vert.x instance runs: the per-loop share of a pool is the whole divided by it. */
    static int eventLoops(Vertx vertx) {
        if (vertx instanceof VertxInternal internal) {
            int loops = 0;
            for (var ignored : internal.getEventLoopGroup()) {
                loops++;
            }
            if (loops > 0) {
                return loops;
            }
        }
        return 2 * Runtime.getRuntime().availableProcessors(); // Vert.x' and Quarkus' default
    }

    /** {@code total} split over {@code loops}, rounded up; 0 stays 0 (e.g. no wait queue at all). */
    static int share(int total, int loops) {
        if (total <= 0) {
            return total;
        }
        return Math.max(1, (total + loops - 1) / loops);
    }
}
