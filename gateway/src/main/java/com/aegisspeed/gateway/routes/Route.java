package com.aegisspeed.gateway.routes;

import com.aegisspeed.gateway.ratelimit.RateLimit;
import io.micronaut.http.HttpMethod;

import java.util.List;
import java.util.Set;

/**
 * A documented public path and how the gateway treats it.
 *
 * @param name             the route's key in the route table (metrics and logs use the path)
 * @param clientRateLimits limits per client address
 * @param userRateLimits   limits per token subject
 */
public record Route(
        String name,
        String path,
        Set<HttpMethod> methods,
        String service,
        boolean tokenRequired,
        RouteEnvelope envelope,
        boolean flaggable,
        boolean openByDefault,
        List<RateLimit> clientRateLimits,
        List<RateLimit> userRateLimits) {

    public static final String GATEWAY = "gateway";

    /** Answered by the gateway's own controllers rather than proxied. */
    public boolean ownedByGateway() {
        return GATEWAY.equals(service);
    }
}
