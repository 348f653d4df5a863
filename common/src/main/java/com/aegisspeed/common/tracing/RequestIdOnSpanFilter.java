package com.aegisspeed.common.tracing;

import com.aegisspeed.common.logging.LogFields;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.opentelemetry.api.trace.Span;
import org.reactivestreams.Publisher;

/**
 * Tags the request's server span with its {@code X-Request-Id}, so a trace is found from the id a client reports
 * and a log line (which carries both) leads to the trace.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
public class RequestIdOnSpanFilter implements HttpServerFilter {

    static final String ATTRIBUTE = "aegis.request_id";

    @Override
    public int getOrder() {
        return ServerFilterPhase.TRACING.after();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        String requestId = request.getAttribute(LogFields.REQUEST_ID_ATTRIBUTE, String.class)
                .orElseGet(() -> request.getHeaders().get(LogFields.REQUEST_ID_HEADER));
        if (LogFields.wellFormedRequestId(requestId)) {
            Span.current().setAttribute(ATTRIBUTE, requestId);
        }
        return chain.proceed(request);
    }
}
