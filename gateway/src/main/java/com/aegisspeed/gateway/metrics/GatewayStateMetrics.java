package com.aegisspeed.gateway.metrics;

import com.aegisspeed.gateway.flags.EndpointFlags;
import com.aegisspeed.gateway.proxy.Upstream;
import com.aegisspeed.gateway.proxy.Upstreams;
import com.aegisspeed.gateway.routes.Route;
import com.aegisspeed.gateway.routes.RouteTable;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;

/**
 * The gateway's state as gauges on {@code /prometheus}, for the dashboards and alerts in deploy/monitoring:
 * {@code aegis_gateway_endpoints_closed} (routes an operator or a maintenance window has closed) and
 * {@code aegis_gateway_breaker_open{upstream}} (1 while the circuit breaker to that service refuses calls).
 */
@Context
public class GatewayStateMetrics {

    public GatewayStateMetrics(MeterRegistry registry, RouteTable routes, EndpointFlags flags, Upstreams upstreams) {
        Gauge.builder("aegis.gateway.endpoints.closed", () -> routes.all().stream()
                        .filter(Route::flaggable).filter(route -> !flags.isOpen(route)).count())
                .description("Client routes currently closed by an operator or a maintenance window")
                .register(registry);
        for (Upstream upstream : upstreams.all()) {
            Gauge.builder("aegis.gateway.breaker.open", upstream.breaker(), GatewayStateMetrics::open)
                    .description("1 while the circuit breaker in front of the service is open, else 0")
                    .tag("upstream", upstream.name())
                    .register(registry);
        }
    }

    private static double open(CircuitBreaker breaker) {
        CircuitBreaker.State state = breaker.getState();
        return state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN ? 1 : 0;
    }
}
