package com.aegisspeed.common.logging;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/** The trace and span the current thread works for, if a request's span is current here. */
final class TraceIds {

    private TraceIds() {
    }

    /** {trace id, span id}, or null outside any sampled or unsampled span. */
    static String[] current() {
        SpanContext context = Span.current().getSpanContext();
        return context.isValid() ? new String[] {context.getTraceId(), context.getSpanId()} : null;
    }
}
