package com.aegisspeed.common.tracing;

import io.micronaut.context.annotation.Value;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Traces requests, not background work: a trace starts only at a request's server span (a ratio of them,
 * {@code OTEL_TRACES_SAMPLER_ARG}, all by default), and every other span follows its parent. The key and
 * revocation polls, scheduled clean-ups and the database checks of the probes would otherwise each start a
 * trace of their own several times a second.
 */
@Singleton
public class RequestsOnlySampler implements Sampler {

    private final Sampler requests;

    public RequestsOnlySampler(@Value("${otel.traces.sampler.arg:1.0}") double ratio) {
        this.requests = Sampler.traceIdRatioBased(ratio);
    }

    @Override
    public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
                                       Attributes attributes, List<LinkData> parentLinks) {
        SpanContext parent = Span.fromContext(parentContext).getSpanContext();
        if (parent.isValid()) {
            return parent.isSampled() ? SamplingResult.recordAndSample() : SamplingResult.drop();
        }
        return spanKind == SpanKind.SERVER
                ? requests.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks)
                : SamplingResult.drop();
    }

    @Override
    public String getDescription() {
        return "RequestsOnly{" + requests.getDescription() + "}";
    }
}
