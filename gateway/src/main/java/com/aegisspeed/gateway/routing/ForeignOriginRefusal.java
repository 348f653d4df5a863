package com.aegisspeed.gateway.routing;

import com.aegisspeed.gateway.routes.Route;
import com.aegisspeed.gateway.routes.RouteTable;
import com.aegisspeed.gateway.routes.RouteEnvelope;
import com.aegisspeed.gateway.routes.GatewayErrors;
import com.aegisspeed.common.envelope.Codes;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.annotation.PreMatching;

/**
 * Micronaut's CORS filter refuses a request from an origin outside {@code AEGIS_CORS_ALLOWED_ORIGINS} with an empty
 * 403; clients key on the envelope's code, so the refusal gets the envelope of the route asked for. Ordered before
 * the CORS filter, since an answer a filter gives passes only the response filters of those that ran before it.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class ForeignOriginRefusal implements Ordered {

    static final String TEXT = "Cross-origin requests from this origin are not allowed";

    private final RouteTable routes;

    public ForeignOriginRefusal(RouteTable routes) {
        this.routes = routes;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before() + 1;
    }

    @ResponseFilter
    public MutableHttpResponse<?> envelope(HttpRequest<?> request, MutableHttpResponse<?> response) {
        boolean emptyCorsRefusal = response.status() == HttpStatus.FORBIDDEN && response.getBody().isEmpty()
                && request.getHeaders().contains(HttpHeaders.ORIGIN);
        if (!emptyCorsRefusal) {
            return response;
        }
        RouteEnvelope envelope = routes.find(request.getPath()).map(Route::envelope).orElse(RouteEnvelope.STANDARD);
        MutableHttpResponse<?> refusal = GatewayErrors.of(envelope, HttpStatus.FORBIDDEN, Codes.MALFORMED_REQUEST, TEXT);
        response.getHeaders().forEach((name, values) -> values.forEach(value -> refusal.getHeaders().add(name, value)));
        return refusal;
    }

    /** Preflights are refused before routing, and such answers pass only the filters that ran before routing. */
    @PreMatching
    @ResponseFilter
    public MutableHttpResponse<?> envelopeBeforeRouting(HttpRequest<?> request, MutableHttpResponse<?> response) {
        return envelope(request, response);
    }
}
