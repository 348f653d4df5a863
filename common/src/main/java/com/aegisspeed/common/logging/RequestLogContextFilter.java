package com.aegisspeed.common.logging;

import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Puts the request's id and route into its propagated context ({@link RequestLogContext}) for every line logged
 * while serving it, on whichever thread: the gateway's {@code X-Request-Id}, which it passes on to every service
 * it calls.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestLogContextFilter implements Ordered {

    private final RouteNames routeNames;

    public RequestLogContextFilter(RouteNames routeNames) {
        this.routeNames = routeNames;
    }

    /** Before every other filter that may log, after the gateway has assigned the request id. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @RequestFilter
    public void enter(HttpRequest<?> request, MutablePropagatedContext context) {
        String requestId = request.getAttribute(LogFields.REQUEST_ID_ATTRIBUTE, String.class)
                .orElseGet(() -> request.getHeaders().get(LogFields.REQUEST_ID_HEADER));
        String route = routeNames.of(request).orElse(null);
        boolean wellFormed = LogFields.wellFormedRequestId(requestId);
        if (wellFormed || route != null) {
            context.add(new RequestLogContext(wellFormed ? requestId : null, route));
        }
    }
}
