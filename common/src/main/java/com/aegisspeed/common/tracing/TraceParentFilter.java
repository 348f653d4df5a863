package com.aegisspeed.common.tracing;

import com.aegisspeed.common.network.TrustedProxies;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import org.reactivestreams.Publisher;

import java.util.List;

/**
 * A W3C {@code traceparent} (with its {@code tracestate} and {@code baggage}) continues a trace only when it comes
 * from a peer in {@code aegis.tracing.trusted-parents} (at a service: {@code AEGIS_TRUSTED_PROXIES}, the gateway and
 * the other services; at the gateway: nobody unless configured); from anyone else it is dropped before the
 * tracing filter reads it, so the request starts a trace of its own. A client cannot join another's trace, force
 * sampling or plant baggage, not even through an ingress that passes its headers on.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
public class TraceParentFilter implements HttpServerFilter {

    static final List<String> PROPAGATION_HEADERS = List.of("traceparent", "tracestate", "baggage");

    private final TrustedProxies trustedParents;

    public TraceParentFilter(@Value("${aegis.tracing.trusted-parents}") String trustedParents) {
        this.trustedParents = new TrustedProxies(trustedParents);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.TRACING.before();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        boolean carries = PROPAGATION_HEADERS.stream().anyMatch(request.getHeaders()::contains);
        if (!carries || trustedParents.trusts(request.getRemoteAddress().getAddress().getHostAddress())) {
            return chain.proceed(request);
        }
        return chain.proceed(request.mutate().headers(headers -> PROPAGATION_HEADERS.forEach(headers::remove)));
    }
}
