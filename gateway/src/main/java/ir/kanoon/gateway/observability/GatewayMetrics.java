package ir.kanoon.gateway.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code kanoon_gateway_requests_seconds} (count, sum, histogram buckets) per route, service, method
 * and status class. Tagged by the configured resource, never by the raw path, so ids in URLs cannot
 * blow up the number of series; {@code resource="unknown"} gathers the rest.
 */
@ApplicationScoped
public class GatewayMetrics {

    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(String resource, String service, String method, int status, long nanos) {
        String statusClass = status >= 100 && status < 600 ? (status / 100) + "xx" : "other";
        String key = resource + '|' + service + '|' + method + '|' + statusClass;
        Timer timer = timers.get(key);
        if (timer == null) {
            timer = timers.computeIfAbsent(key, k -> Timer.builder("kanoon.gateway.requests")
                    .description("Requests through the gateway, by route")
                    .tag("route", resource)
                    .tag("service", service)
                    .tag("method", method)
                    .tag("status", statusClass)
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofNanos(100_000))
                    .maximumExpectedValue(Duration.ofSeconds(30))
                    .register(registry));
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
    }
}
