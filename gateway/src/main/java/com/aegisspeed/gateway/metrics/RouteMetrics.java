package com.aegisspeed.gateway.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code aegis_gateway_requests_seconds} on {@code /prometheus}: count and latency histogram per route, method
 * and status (the gateway's own refusals included). Requests matching no route share {@code route="UNMATCHED"},
 * so made-up paths cannot grow the number of series.
 */
@Singleton
public class RouteMetrics {

    public static final String UNMATCHED = "UNMATCHED";
    static final String NAME = "aegis.gateway.requests";

    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public RouteMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(String route, String method, int status, Duration took) {
        timers.computeIfAbsent(route + ' ' + method + ' ' + status, key -> Timer.builder(NAME)
                        .description("Requests through the gateway by route, method and status")
                        .tags("route", route, "method", method, "status", Integer.toString(status))
                        .publishPercentileHistogram()
                        .register(registry))
                .record(took);
    }

    /** How many requests each route has answered with each status since start, one entry per route, method and status. */
    public List<Counted> counted() {
        return timers.values().stream().map(timer -> new Counted(timer.getId().getTag("route"),
                Integer.parseInt(timer.getId().getTag("status")), timer.count())).toList();
    }

    /** A running total of {@link #record}ed requests. */
    public record Counted(String route, int status, long count) {
    }
}
