package ir.kanoon.gateway.routing;

import io.netty.handler.codec.DateFormatter;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.streams.Pipe;
import io.vertx.core.streams.ReadStream;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyResponse;

import java.util.Date;
import java.util.Map;

/**
 * Writes the service's answer (or the gateway's problem in its place) to the client: status, headers as the
 * service sent them, the body streamed with back-pressure. Replaces vertx-http-proxy's own sending, which
 * parsed the service's {@code Date} header with {@code java.time} and formatted it again on every response
 * (9 % of the gateway's CPU samples, issue 13 figure 3) and, doing so, rewrote a correct
 * {@code Date: Sun, 06 Nov 1994 …} as {@code Sun, 6 Nov 1994 …} (RFC 1123 day without its leading zero, not
 * RFC 9110's IMF-fixdate). Here the service's {@code Date} passes unchanged; a response without one gets the
 * gateway's clock (RFC 9110 §6.6.1: a recipient with a clock forwards a response with a Date), formatted once
 * per second.
 */
final class ProxiedAnswer {

    private record Stamp(long second, String text) { }

    private static volatile Stamp stamp = new Stamp(-1, "");

    private ProxiedAnswer() {
    }

    static Future<Void> send(ProxyResponse response, HttpServerRequest incoming, HttpClientRequest upstreamRequest) {
        HttpServerResponse out = incoming.response();
        if (out.ended() || out.closed() || out.headWritten()) {
            // the gateway answered already (413 on a chunked body) or the client is gone: nothing to send
            response.release();
            return Future.succeededFuture();
        }
        out.setStatusCode(response.getStatusCode());
        if (response.getStatusMessage() != null) {
            out.setStatusMessage(response.getStatusMessage());
        }
        MultiMap headers = out.headers();
        boolean dated = false;
        for (Map.Entry<String, String> header : response.headers()) {
            String name = header.getKey();
            // the gateway frames the body to its client itself (Content-Length or chunked, below)
            if (HttpHeaders.TRANSFER_ENCODING.toString().equalsIgnoreCase(name)) {
                continue;
            }
            dated |= HttpHeaders.DATE.toString().equalsIgnoreCase(name);
            headers.add(name, header.getValue());
        }
        if (!dated) {
            headers.set(HttpHeaders.DATE, now());
        }
        Promise<Void> done = Promise.promise();
        Body body = response.getBody();
        if (body == null) {
            out.end().onComplete(done);
            return done.future();
        }
        long length = body.length();
        ReadStream<Buffer> stream = body.stream();
        if (length >= 0) {
            headers.set(HttpHeaders.CONTENT_LENGTH, Long.toString(length));
        } else if (incoming.version() == HttpVersion.HTTP_1_0) {
            // an HTTP/1.0 client cannot read chunks: a body of unknown length is collected, then sent whole
            Buffer whole = Buffer.buffer();
            stream.exceptionHandler(failure -> fail(out, upstreamRequest, done, failure));
            stream.handler(whole::appendBuffer);
            stream.endHandler(v -> out.end(whole).onComplete(done));
            stream.resume();
            return done.future();
        } else {
            out.setChunked(true);
        }
        Pipe<Buffer> pipe = stream.pipe();
        pipe.endOnSuccess(true);
        pipe.endOnFailure(false);
        pipe.to(out, result -> {
            if (result.failed()) {
                fail(out, upstreamRequest, done, result.cause());
            } else {
                done.complete();
            }
        });
        return done.future();
    }

    /** The stream broke (client gone, service reset): abandon both exchanges rather than send a truncated body. */
    private static void fail(HttpServerResponse out, HttpClientRequest upstreamRequest, Promise<Void> done, Throwable failure) {
        if (upstreamRequest != null) {
            upstreamRequest.reset();
        }
        out.reset();
        done.tryFail(failure);
    }

    /** The current time as an HTTP date (IMF-fixdate), formatted at most once per second. */
    static String now() {
        long millis = System.currentTimeMillis();
        long second = millis / 1000;
        Stamp current = stamp;
        if (current.second() != second) {
            current = new Stamp(second, DateFormatter.format(new Date(second * 1000)));
            stamp = current;
        }
        return current.text();
    }
}
