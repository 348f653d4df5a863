package com.aegisspeed.common.envelope;

import com.aegisspeed.common.metrics.RefusalMetrics;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * Answers a {@link Refusal} with its status, code and text, in the envelope shape its endpoint declares; an
 * {@link Overloaded} also with its {@code Retry-After}. Each is counted in {@link RefusalMetrics}.
 */
@Singleton
public class RefusalHandler implements ExceptionHandler<Refusal, HttpResponse<?>> {

    private final RefusalMetrics metrics;

    public RefusalHandler(RefusalMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, Refusal refusal) {
        metrics.refused(request, refusal.status(), refusal.code());
        Envelope shape = DeclaredEndpoint.of(request).map(DeclaredEndpoint::envelope).orElse(Envelope.STANDARD);
        MutableHttpResponse<Object> answer = HttpResponse.status(refusal.status())
                .body(DeclaredEndpoint.errorBody(shape, refusal.status(), refusal.code(), refusal.getMessage()));
        if (refusal instanceof Overloaded overloaded) {
            answer.header(HttpHeaders.RETRY_AFTER, String.valueOf(overloaded.retryAfterSeconds()));
        }
        return answer;
    }
}
