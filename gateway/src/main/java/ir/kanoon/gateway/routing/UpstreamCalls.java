package ir.kanoon.gateway.routing;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.OriginRequestProvider;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import ir.kanoon.gateway.problem.Problem;
import ir.kanoon.gateway.problem.Problems;
import org.jboss.logging.Logger;

import java.net.ConnectException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * The gateway's part in each proxied exchange, plugged into vertx-http-proxy: picks the origin (with
 * retries of connection failures for idempotent methods), retries a bodiless safe request (GET, HEAD,
 * OPTIONS) whose keep-alive connection the service closed, sets the forwarded headers, feeds the
 * circuit breaker, tells a busy pool (503 service-busy, not a failure of the service) from a failing
 * service, and turns a transport failure into a problem+json naming the service instead of the
 * library's empty 502.
 */
final class UpstreamCalls implements OriginRequestProvider, ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(UpstreamCalls.class);
    /** RFC 9110 idempotent methods: repeating one has the same effect as sending it once. */
    private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.TRACE);
    /**
     * RFC 9110 safe methods: the only ones repeated after the request may have reached the service. A
     * DELETE is idempotent in theory, but a repeated one can answer 404 for a delete that worked, or
     * remove a resource re-created in between; and no service keys DELETEs by Idempotency-Key.
     */
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    /** Seconds a client is asked to wait after a busy pool: the slow calls holding it end soon. */
    static final String BUSY_RETRY_AFTER = "1";
    private static final String GATEWAY_ANSWERED = "kanoon.gateway-answered";
    /** The request to the service, reset when the answer cannot be streamed on to the client. */
    private static final String UPSTREAM_REQUEST = "kanoon.upstream-request";

    private final Vertx vertx;
    private final Upstream upstream;
    private final long timeoutMillis;

    private final long maxBodyBytes;
    private final ForwardedHeaders forwarded;

    /** No connection to the service could be had in time: all pooled ones are busy and the queue is full or slow. */
    static final class PoolBusy extends RuntimeException {
        PoolBusy(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    UpstreamCalls(Vertx vertx, Upstream upstream, long timeoutMillis, long maxBodyBytes, ForwardedHeaders forwarded) {
        this.vertx = vertx;
        this.forwarded = forwarded;
        this.maxBodyBytes = maxBodyBytes;
        this.upstream = upstream;
        this.timeoutMillis = timeoutMillis;
    }

    // --- origin ------------------------------------------------------------------------------------

    @Override
    public Future<HttpClientRequest> create(ProxyContext context) {
        RequestOptions options = new RequestOptions()
                .setHost(upstream.host())
                .setPort(upstream.port())
                // connect + pool wait (see RouteTable): a TCP connect that fails does so first
                .setConnectTimeout(upstream.acquireTimeoutMillis())
                // Idle, not total: a long streamed download stays alive while bytes flow, a silent
                // service is cut off after the route's timeout.
                .setIdleTimeout(timeoutMillis);
        boolean retryable = IDEMPOTENT.contains(context.request().getMethod());
        return connect(context, options, retryable ? upstream.retries() : 0);
    }

    /**
     * Only a failure to get a connection is retried: nothing has been sent yet (the body is still
     * paused), so even a streamed PUT can be replayed. A request that reached the service is never
     * repeated by the gateway.
     */
    private Future<HttpClientRequest> connect(ProxyContext context, RequestOptions options, int retriesLeft) {
        return context.client().request(options).map(request -> {
            // The proxy learns of a failed exchange from the response future (see send()); without a
            // handler here Vert.x would also log each one at ERROR, e.g. every request reset because
            // its client went away.
            request.exceptionHandler(failure -> LOG.debugf("request to %s ended: %s", upstream.name(), failure));
            context.set(UPSTREAM_REQUEST, request);
            return request;
        }).recover(failure -> {
            if (failure instanceof ConnectionPoolTooBusyException || failure instanceof TimeoutException) {
                // Too many waiting already, or waited past connect-timeout + pool-wait: the TCP connect
                // timeout would have failed first (ConnectException), so this is a full pool.
                return Future.failedFuture(new PoolBusy(failure));
            }
            if (retriesLeft <= 0 || !(failure instanceof ConnectException)) {
                return Future.failedFuture(failure);
            }
            Promise<HttpClientRequest> retried = Promise.promise();
            vertx.setTimer(50, t -> connect(context, options, retriesLeft - 1).onComplete(retried));
            return retried.future();
        });
    }

    // --- interceptor -------------------------------------------------------------------------------

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        HttpServerRequest incoming = request.proxiedRequest();
        forwarded.apply(incoming, request.headers());
        String transferEncoding = incoming.getHeader("Transfer-Encoding");
        String contentLength = incoming.getHeader("Content-Length");
        if (transferEncoding != null && transferEncoding.toLowerCase(java.util.Locale.ROOT).contains("chunked")) {
            // No Content-Length to check up front (ProxyRoutes did that), so count while streaming.
            request.setBody(Body.body(new LimitedStream(request.getBody().stream(), maxBodyBytes,
                    () -> tooLarge(incoming)), -1));
        }
        boolean bodyless = transferEncoding == null && (contentLength == null || "0".equals(contentLength.trim()));
        return send(context, bodyless && SAFE.contains(request.getMethod()) ? upstream.retries() : 0);
    }

    /**
     * A pooled keep-alive connection that the service closed just as we reused it fails the request
     * before any answer. The gateway cannot tell whether the service had already acted on it, so it is
     * repeated only for a safe method without a body (GET, HEAD, OPTIONS): never a DELETE, PUT, POST or
     * PATCH, and never a streamed body that is already consumed.
     */
    private Future<ProxyResponse> send(ProxyContext context, int retriesLeft) {
        return context.sendRequest().recover(failure -> {
            HttpServerRequest incoming = context.request().proxiedRequest();
            if (retriesLeft > 0 && failure instanceof HttpClosedException && !incoming.response().closed()) {
                LOG.debugf("%s %s -> %s: connection closed by the service, retrying", incoming.method(),
                        incoming.path(), upstream.name());
                context.request().setBody(null); // the (empty) body stream has ended; send none again
                return send(context, retriesLeft - 1);
            }
            return Future.succeededFuture(failed(context, failure));
        });
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        if (context.get(GATEWAY_ANSWERED, Boolean.class) == null) {
            int status = context.response().getStatusCode();
            // A service that answers 502/503/504 is as unavailable as one that does not answer.
            if (status == 502 || status == 503 || status == 504) {
                upstream.breaker().onFailure();
            } else {
                upstream.breaker().onSuccess();
            }
        }
        return ProxiedAnswer.send(context.response(), context.request().proxiedRequest(),
                context.get(UPSTREAM_REQUEST, HttpClientRequest.class));
    }

    private void tooLarge(HttpServerRequest incoming) {
        incoming.response().putHeader("Connection", "close");
        incoming.response().endHandler(v -> incoming.connection().close());
        Problems.send(incoming, 413, "payload-too-large", null, Long.toString(maxBodyBytes));
    }

    private ProxyResponse failed(ProxyContext context, Throwable failure) {
        HttpServerRequest incoming = context.request().proxiedRequest();
        if (incoming.response().ended() || incoming.response().closed()) {
            // We already answered (413 on an oversized chunked body), or the client went away and the
            // proxy reset the request to the service: neither is the service's fault, so the breaker
            // must not count it (a load balancer closing idle client connections would open it).
            context.set(GATEWAY_ANSWERED, Boolean.TRUE);
            upstream.breaker().release();
            LOG.debugf("%s %s -> %s abandoned: %s", incoming.method(), incoming.path(), upstream.name(), failure);
            return context.request().release().response();
        }
        context.set(GATEWAY_ANSWERED, Boolean.TRUE);
        Problem problem;
        String retryAfter = null;
        if (failure instanceof PoolBusy) {
            // Busy is not broken: the calls holding the pool are being served. Counting this as a failure
            // let one caller's burst of slow calls open the breaker for everyone (issue 14).
            upstream.breaker().release();
            problem = Problems.of(incoming, 503, "service-busy", upstream.name(), upstream.name());
            retryAfter = BUSY_RETRY_AFTER;
        } else if (failure instanceof ConnectException) {
            upstream.breaker().onFailure();
            problem = Problems.of(incoming, 503, "service-unavailable", upstream.name(), upstream.name());
        } else if (failure instanceof TimeoutException) {
            upstream.breaker().onFailure();
            problem = Problems.of(incoming, 504, "gateway-timeout", upstream.name(), upstream.name(),
                    Long.toString(timeoutMillis));
        } else {
            upstream.breaker().onFailure();
            problem = Problems.of(incoming, 502, "bad-gateway", upstream.name(), upstream.name());
        }
        if (retryAfter == null) {
            LOG.warnf("%s %s -> %s failed (%s): %s", incoming.method(), incoming.path(), upstream.name(),
                    problem.status(), failure.toString());
        } else {
            // a busy pool under a burst would otherwise write a warning per refused request
            LOG.debugf("%s %s -> %s busy: %s", incoming.method(), incoming.path(), upstream.name(), failure);
        }
        Buffer body = Problems.body(problem);
        ProxyResponse response = context.request().release().response();
        response.headers().clear();
        response.setStatusCode(problem.status())
                .putHeader("Content-Type", Problems.CONTENT_TYPE)
                .putHeader("Content-Language", Problems.languageOf(incoming))
                .putHeader("Cache-Control", "no-store")
                .setBody(Body.body(body));
        if (retryAfter != null) {
            response.putHeader("Retry-After", retryAfter);
        }
        return response;
    }
}
