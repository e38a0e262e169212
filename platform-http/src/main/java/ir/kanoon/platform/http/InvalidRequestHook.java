package ir.kanoon.platform.http;

import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.net.impl.TCPServerBase;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import java.lang.reflect.Field;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request line longer than {@code quarkus.http.limits.max-initial-line-length} (414) or headers larger than
 * {@code quarkus.http.limits.max-header-size} (431) are refused by Vert.x's HTTP codec before any route runs, by
 * {@code HttpServer#invalidRequestHandler} — bodiless by default. This answers them as every other error of every
 * service and of the gateway: {@code application/problem+json} naming the limit (conventions, HTTP API; issue 14,
 * hostile input), rendered by the module's own {@link Responder}.
 *
 * <p>Quarkus 3.33 creates the HTTP servers itself and offers no way to set that handler (an
 * {@code HttpServerOptionsCustomizer} sees only options; quarkusio/quarkus#55082 and the open PR #55148 are about
 * this gap). Vert.x 4 copies the server's handler into one connection handler per event loop when the server
 * listens, and hands it to every new connection; so once the servers are listening ({@link #installWhenListening})
 * this replaces that copy on each of them. Quarkus' own first check, a request URI {@link URI} cannot parse, is a
 * bodiless 400 as well: the same check is put in front of it ({@link UriCheck}), answering a problem.
 *
 * <p>This reaches into Vert.x internals ({@link #install}); if a Vert.x upgrade moves them nothing breaks — the
 * default bodiless answers stay, a warning is logged — and the {@code InvalidRequestTest}s of {@code platform},
 * the gateway and this module fail, so the change is noticed. One copy for all: the gateway does not depend on
 * {@code platform} (Hibernate, Kafka), so this lives in the small {@code platform-http} module both use.
 *
 * <p>Not a CDI bean (this module has no bean index): each module has an {@code @ObservesAsync HttpServerStart}
 * observer that calls {@link #installWhenListening} with its responder.
 */
public final class InvalidRequestHook {

    private static final Logger LOG = Logger.getLogger(InvalidRequestHook.class);

    private final Responder responder;
    private final int maxLine;
    private final long maxHeaders;
    private volatile int installed;

    /** With the limits the HTTP server was configured with ({@code quarkus.http.limits.*}, Quarkus' defaults). */
    public InvalidRequestHook(Responder responder) {
        this(responder, ConfigProvider.getConfig());
    }

    InvalidRequestHook(Responder responder, Config config) {
        this(responder,
                config.getOptionalValue("quarkus.http.limits.max-initial-line-length", Integer.class).orElse(4096),
                new MemorySizeConverter().convert(config
                        .getOptionalValue("quarkus.http.limits.max-header-size", String.class).orElse("20K"))
                        .asLongValue());
    }

    /** {@code maxLine} and {@code maxHeaders} only name the limits in the answers; Vert.x enforces them. */
    public InvalidRequestHook(Responder responder, int maxLine, long maxHeaders) {
        this.responder = responder;
        this.maxLine = maxLine;
        this.maxHeaders = maxHeaders;
    }

    /**
     * Quarkus opens the HTTP server after {@code StartupEvent}, with one verticle (one server instance) per event
     * loop, and fires {@code HttpServerStart} when the first of them listens; the others join within moments. So
     * this installs, then installs again until several rounds find nothing new (idempotent). It blocks up to 10 s:
     * call it from a worker thread (an async observer), never an event loop.
     *
     * @return how many connection handlers answer invalid requests with problem+json
     */
    public int installWhenListening(Vertx vertx) throws InterruptedException {
        int patched = 0;
        int quiet = 0;
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (quiet < 10 && System.nanoTime() < deadline) {
            int now = install(vertx, this::answer, this::invalidUri);
            quiet = now == patched && now > 0 ? quiet + 1 : 0;
            patched = now;
            Thread.sleep(50);
        }
        installed = patched;
        if (patched == 0) {
            LOG.warnf("414/431 stay bodiless: no Vert.x HTTP connection handler found to give the problem+json answer"
                    + " (HTTP servers: %s)", ((VertxInternal) vertx).sharedHttpServers().keySet());
        } else {
            LOG.debugf("problem+json 414/431/400 installed on %d HTTP connection handler(s)", patched);
        }
        return patched;
    }

    /** How many connection handlers answer invalid requests with problem+json (0 until the servers listen). */
    public int installed() {
        return installed;
    }

    /** What Vert.x's default handler does (414, 431, else 400; then close), with a problem+json body. */
    void answer(HttpServerRequest request) {
        DecoderResult result = request.decoderResult();
        Throwable cause = result == null ? null : result.cause();
        if (cause instanceof TooLongHttpLineException) {
            send(request, 414, "uri-too-long", Integer.toString(maxLine));
        } else if (cause instanceof TooLongHttpHeaderException) {
            send(request, 431, "headers-too-large", Long.toString(maxHeaders));
        } else {
            send(request, 400, "malformed-request");
        }
    }

    /** Quarkus' own check (a URI {@link URI} cannot parse) answers a bodiless 400; this one a problem. */
    void invalidUri(HttpServerRequest request) {
        send(request, 400, "invalid-uri");
    }

    /**
     * The codec gave up before the path was known (Netty puts a placeholder there), so a responder names no
     * {@code instance}; the headers may not have been read either. The rest of what was sent is not worth reading:
     * close, as Vert.x's own handler does.
     */
    private void send(HttpServerRequest request, int status, String code, Object... args) {
        request.response().putHeader("Connection", "close");
        responder.respond(request, status, code, args).onComplete(done -> request.response().close());
    }

    /**
     * Replaces the invalid-request handler in every HTTP connection handler of every listening Vert.x HTTP server
     * (Vert.x 4.5: {@code HttpServerImpl} → its {@code ServerChannelLoadBalancer}'s workers → each worker's server →
     * {@code HttpServerWorker.connectionHandler} → {@code HttpServerConnectionHandler.invalidRequestHandler}).
     *
     * @return how many connection handlers now use {@code invalid}; 0 when the internals are not as expected
     */
    static int install(Vertx vertx, Handler<HttpServerRequest> invalid, Handler<HttpServerRequest> invalidUri) {
        try {
            Map<Object, Boolean> done = new IdentityHashMap<>();
            for (Object server : ((VertxInternal) vertx).sharedHttpServers().values()) {
                Object balancer = field(server, "channelBalancer");
                if (balancer == null) {
                    continue;
                }
                for (Object workers : ((Map<?, ?>) field(balancer, "workerMap")).values()) {
                    for (Object worker : (Collection<?>) field(workers, "list")) {
                        // the worker is a lambda over the (possibly non-shared) server of one verticle instance
                        for (Object owner : fieldsOfType(worker, TCPServerBase.class)) {
                            Object child = field(owner, "childHandler");
                            Object connections = child == null ? null : field(child, "connectionHandler");
                            if (connections != null && done.put(connections, Boolean.TRUE) == null) {
                                patch(connections, invalid, invalidUri);
                            }
                        }
                    }
                }
            }
            return done.size();
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warnf("could not install the problem+json 414/431 handler (Vert.x internals changed?): %s", e.toString());
            return 0;
        }
    }

    @SuppressWarnings("unchecked")
    private static void patch(Object connections, Handler<HttpServerRequest> invalid, Handler<HttpServerRequest> invalidUri)
            throws ReflectiveOperationException {
        declared(connections.getClass(), "invalidRequestHandler").set(connections, invalid);
        Field requests = declared(connections.getClass(), "requestHandler");
        Handler<HttpServerRequest> current = (Handler<HttpServerRequest>) requests.get(connections);
        if (current != null && !(current instanceof UriCheck)) {
            requests.set(connections, new UriCheck(current, invalidUri));
        }
    }

    /**
     * In front of Quarkus' request handler: the same URI check it makes first (a request URI that
     * {@link URI} cannot parse, e.g. {@code %ZZ} or raw non-ASCII), answered with a problem instead of its bodiless
     * 400. Every other request goes on untouched.
     */
    record UriCheck(Handler<HttpServerRequest> next, Handler<HttpServerRequest> invalid) implements Handler<HttpServerRequest> {
        @Override
        public void handle(HttpServerRequest request) {
            String uri = request.uri();
            try {
                if (uri != null) {
                    new URI(uri);
                }
            } catch (URISyntaxException e) {
                invalid.handle(request);
                return;
            }
            next.handle(request);
        }
    }

    private static Object field(Object target, String name) throws ReflectiveOperationException {
        return declared(target.getClass(), name).get(target);
    }

    private static Field declared(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f;
            } catch (NoSuchFieldException next) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(type.getName() + "." + name);
    }

    private static List<Object> fieldsOfType(Object target, Class<?> type) throws IllegalAccessException {
        List<Object> found = new ArrayList<>();
        for (Field f : target.getClass().getDeclaredFields()) {
            if (type.isAssignableFrom(f.getType()) || f.getType() == Object.class) {
                f.setAccessible(true);
                Object value = f.get(target);
                if (type.isInstance(value)) {
                    found.add(value);
                }
            }
        }
        return found;
    }
}
