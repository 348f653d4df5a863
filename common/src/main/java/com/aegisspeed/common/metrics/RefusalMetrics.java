package com.aegisspeed.common.metrics;

import com.aegisspeed.common.logging.RouteNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

/**
 * {@code aegis_refusals_total{route,status,code}}: every refusal a service answers, by route template, so the
 * dashboards show why requests fail (auth-service's 429s on the login routes are login lockouts).
 */
@Singleton
public class RefusalMetrics {

    private final MeterRegistry registry;
    private final RouteNames routeNames;

    public RefusalMetrics(MeterRegistry registry, RouteNames routeNames) {
        this.registry = registry;
        this.routeNames = routeNames;
    }

    public void refused(HttpRequest<?> request, HttpStatus status, String code) {
        Counter.builder("aegis.refusals")
                .description("Requests refused with an envelope code, by route, status and code")
                .tag("route", routeNames.of(request).orElse("UNMATCHED"))
                .tag("status", Integer.toString(status.getCode()))
                .tag("code", code)
                .register(registry)
                .increment();
    }
}
