package com.aegisspeed.common.logging;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.util.HashMap;
import java.util.Map;

/**
 * Puts the request's id and route into the logging context for everything done while serving it, on whichever
 * thread: the gateway's {@code X-Request-Id}, which it passes on to every service it calls.
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
        Map<String, String> fields = new HashMap<>();
        String requestId = request.getAttribute(LogFields.REQUEST_ID_ATTRIBUTE, String.class)
                .orElseGet(() -> request.getHeaders().get(LogFields.REQUEST_ID_HEADER));
        if (LogFields.wellFormedRequestId(requestId)) {
            fields.put(LogFields.REQUEST_ID, requestId);
        }
        routeNames.of(request).ifPresent(route -> fields.put(LogFields.ROUTE, route));
        if (!fields.isEmpty()) {
            context.add(new MdcPropagationContext(fields));
        }
    }
}
