package com.aegisspeed.common.maintenance;

import com.aegisspeed.common.envelope.Codes;
import com.aegisspeed.common.envelope.DeclaredEndpoint;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Refuses the public endpoints the maintenance switch closes, before they run, with HTTP 403 and each
 * endpoint's own documented not-open code in its own envelope shape. Probes and metrics are never closed. Ordered
 * before micronaut-security's filter: a closed endpoint answers "not open" whatever token the request carries.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class MaintenanceFilter implements Ordered {

    private final MaintenanceConfiguration configuration;

    public MaintenanceFilter(MaintenanceConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> refuseClosedEndpoints(HttpRequest<?> request) {
        if (!configuration.closes(request.getPath())) {
            return null;
        }
        return DeclaredEndpoint.of(request)
                .map(endpoint -> HttpResponse.status(HttpStatus.FORBIDDEN).body(DeclaredEndpoint.errorBody(
                        endpoint.envelope(), HttpStatus.FORBIDDEN, endpoint.notOpenCode(), Codes.ENDPOINT_NOT_OPEN_TEXT)))
                .orElse(null);
    }
}
