package com.aegisspeed.gateway.routing;

import com.aegisspeed.gateway.routes.Route;
import com.aegisspeed.gateway.routes.RouteTable;
import com.aegisspeed.common.logging.RouteNames;
import com.aegisspeed.gateway.metrics.RouteMetrics;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.util.Optional;

/** The gateway logs a request under its route-table path, the same name its metrics use. */
@Singleton
public class GatewayRouteNames implements RouteNames {

    private final RouteTable routes;

    public GatewayRouteNames(RouteTable routes) {
        this.routes = routes;
    }

    @Override
    public Optional<String> of(HttpRequest<?> request) {
        return Optional.of(routes.find(request.getPath()).map(Route::path).orElse(RouteMetrics.UNMATCHED));
    }
}
