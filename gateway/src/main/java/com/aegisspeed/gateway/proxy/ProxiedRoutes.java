package com.aegisspeed.gateway.proxy;

import com.aegisspeed.gateway.routes.GatewayErrors;
import com.aegisspeed.gateway.routes.Route;
import com.aegisspeed.gateway.routes.RouteEnvelope;
import com.aegisspeed.gateway.routes.RouteTable;
import io.micronaut.context.ExecutionHandleLocator;
import io.micronaut.context.annotation.Executable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.web.router.DefaultRouteBuilder;
import jakarta.inject.Singleton;

/**
 * Makes the proxied paths known to Micronaut's router, so its CORS handling answers browser preflights for them
 * as for the gateway's own endpoints. Requests to exactly these paths are forwarded by {@code GatewayFilter} and
 * never reach the target below; it answers what the router matches more loosely (a trailing slash): no such endpoint.
 */
@Singleton
class ProxiedRoutes extends DefaultRouteBuilder {

    ProxiedRoutes(ExecutionHandleLocator locator, RouteTable routes) {
        super(locator);
        for (Route route : routes.all()) {
            if (!route.ownedByGateway()) {
                for (HttpMethod method : route.methods()) {
                    buildRoute(method, route.path(), Target.class, "notForwarded", HttpRequest.class);
                }
            }
        }
    }

    @Singleton
    static class Target {

        @Executable
        HttpResponse<?> notForwarded(HttpRequest<?> request) {
            return GatewayErrors.noSuchEndpoint(RouteEnvelope.STANDARD, HttpStatus.NOT_FOUND, "No such endpoint");
        }
    }
}
