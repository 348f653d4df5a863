package com.aegisspeed.common.http;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.annotation.PreMatching;

/**
 * Answers say {@code Cache-Control: no-store} unless they say otherwise: they carry tokens, admin secrets and
 * personal data, which no browser, proxy or CDN in between may keep. Ordered first, since an answer a filter gives
 * (a CORS refusal, a rate limit) passes only the response filters of those that ran before it.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class NoStoreFilter implements Ordered {

    static final String NO_STORE = "no-store";

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }

    @ResponseFilter
    public void noStore(MutableHttpResponse<?> response) {
        if (!response.getHeaders().contains(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().set(HttpHeaders.CACHE_CONTROL, NO_STORE);
        }
    }

    /** Answers given before routing (CORS refusals, unknown paths) pass only the filters that ran before routing. */
    @PreMatching
    @ResponseFilter
    public void noStoreBeforeRouting(MutableHttpResponse<?> response) {
        noStore(response);
    }
}
