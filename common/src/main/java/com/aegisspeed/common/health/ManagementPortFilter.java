package com.aegisspeed.common.health;

import com.aegisspeed.common.envelope.ApiResponse;
import com.aegisspeed.common.envelope.Codes;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Probes, metrics and the OpenAPI documents answer only on the management port: on any other port they are an
 * unknown path (404 {@code 00004}), so what they tell (per-route counts, failed logins, the routes themselves)
 * never reaches a client through the public port or the gateway. The probe and metrics routes are already bound
 * to the management port; the OpenAPI documents are static resources, which Micronaut serves on every port.
 */
@ServerFilter({"/health", "/health/**", "/prometheus", "/prometheus/**", "/openapi", "/openapi/**"})
public class ManagementPortFilter implements Ordered {

    private final int managementPort;

    public ManagementPortFilter(@Value("${aegis.management.port}") int managementPort) {
        this.managementPort = managementPort;
    }

    /** First of all filters, so no other filter (rate limits, counting, the gateway's routing) sees the request. */
    @RequestFilter
    @Nullable
    public HttpResponse<?> refuseOffTheManagementPort(HttpRequest<?> request) {
        if (request.getServerAddress().getPort() == managementPort) {
            return null;
        }
        HttpStatus status = HttpStatus.NOT_FOUND;
        return HttpResponse.status(status).body(ApiResponse.error(status, Codes.NO_SUCH_ENDPOINT, "No such endpoint"));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }
}
