package com.aegisspeed.gateway.routes;

import com.aegisspeed.gateway.ratelimit.RateLimit;
import com.aegisspeed.gateway.ratelimit.RateLimitConfiguration;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every documented public path and its owner, from {@code aegis.gateway.routes} (docs/contract.md). Requests
 * are matched by exact path; anything else is not routed. A table that would route internal paths, names an
 * unknown service or has malformed limits stops the gateway at start.
 */
@Singleton
public class RouteTable {

    private static final List<String> NEVER_ROUTED = List.of("/internal", "/.well-known");

    private final Map<String, Route> byPath;

    public RouteTable(Collection<RouteProperties> entries, RateLimitConfiguration rateLimits,
                      @Property(name = "aegis.gateway.upstreams") List<String> upstreams) {
        List<RateLimit> defaultPerClient = RateLimit.parseAll(rateLimits.defaultPerClient());
        List<RateLimit> defaultPerUser = RateLimit.parseAll(rateLimits.defaultPerUser());
        Map<String, Route> routes = new HashMap<>();
        for (RouteProperties entry : entries) {
            Route route = toRoute(entry, defaultPerClient, defaultPerUser, upstreams);
            if (routes.put(route.path(), route) != null) {
                throw new ConfigurationException("route table: path " + route.path() + " is listed twice");
            }
        }
        this.byPath = Map.copyOf(routes);
    }

    public Optional<Route> find(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    public Collection<Route> all() {
        return byPath.values();
    }

    private static Route toRoute(RouteProperties entry, List<RateLimit> defaultPerClient,
                                 List<RateLimit> defaultPerUser, List<String> upstreams) {
        String where = "route table entry '" + entry.getName() + "': ";
        String path = entry.getPath();
        if (path == null || !path.startsWith("/") || NEVER_ROUTED.stream().anyMatch(p -> path.startsWith(p + "/") || path.equals(p))) {
            throw new ConfigurationException(where + "path must be a public path, not " + path);
        }
        String service = entry.getService();
        if (!Route.GATEWAY.equals(service) && !upstreams.contains(service)) {
            throw new ConfigurationException(where + "unknown service " + service);
        }
        if (entry.getMethods().isEmpty()) {
            throw new ConfigurationException(where + "no methods");
        }
        try {
            return new Route(entry.getName(), path, Set.copyOf(entry.getMethods()), service, entry.isTokenRequired(),
                    entry.getEnvelope(), entry.isFlaggable(), entry.isOpenByDefault(),
                    entry.getClientRateLimit() == null ? defaultPerClient : RateLimit.parseAll(entry.getClientRateLimit()),
                    entry.getUserRateLimit() == null ? defaultPerUser : RateLimit.parseAll(entry.getUserRateLimit()));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(where + e.getMessage());
        }
    }
}
