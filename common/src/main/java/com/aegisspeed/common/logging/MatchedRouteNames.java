package com.aegisspeed.common.logging;

import io.micronaut.context.annotation.Secondary;
import io.micronaut.http.HttpRequest;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteMatch;
import jakarta.inject.Singleton;

import java.util.Optional;

/** A service's route: the URI template of the controller method the request matched. */
@Singleton
@Secondary
public class MatchedRouteNames implements RouteNames {

    @Override
    public Optional<String> of(HttpRequest<?> request) {
        return RouteAttributes.getRouteMatch(request)
                .filter(UriRouteMatch.class::isInstance)
                .map(match -> ((UriRouteMatch<?, ?>) match).getRouteInfo().getUriMatchTemplate().toPathString());
    }
}
