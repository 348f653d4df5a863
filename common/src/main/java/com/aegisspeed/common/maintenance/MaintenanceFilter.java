package com.aegisspeed.common.maintenance;

import com.aegisspeed.common.envelope.Codes;
import com.aegisspeed.common.envelope.DeclaredEndpoint;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Refuses the public endpoints the maintenance switch closes, before they run, with HTTP 403 and each
 * endpoint's own documented not-open code in its own envelope shape. Probes and metrics are never closed.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class MaintenanceFilter {

    private final MaintenanceConfiguration configuration;

    public MaintenanceFilter(MaintenanceConfiguration configuration) {
        this.configuration = configuration;
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
