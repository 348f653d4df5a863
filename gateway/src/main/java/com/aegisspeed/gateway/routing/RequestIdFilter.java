package com.aegisspeed.gateway.routing;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.annotation.PreMatching;

/**
 * Gives every request its {@code X-Request-Id} before anything else runs, and every answer the header, whoever
 * produced it (CORS preflights, framework errors, refusals, the services).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestIdFilter implements Ordered {

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }

    @PreMatching
    @RequestFilter
    public void assign(HttpRequest<?> request) {
        request.setAttribute(RequestIds.ATTRIBUTE, RequestIds.of(request));
    }

    @ResponseFilter
    public void answer(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.getHeaders().set(RequestIds.HEADER, RequestIds.assigned(request));
    }

    /** Answers given before routing (CORS preflights) pass only the filters that ran before routing. */
    @PreMatching
    @ResponseFilter
    public void answerBeforeRouting(HttpRequest<?> request, MutableHttpResponse<?> response) {
        answer(request, response);
    }
}
