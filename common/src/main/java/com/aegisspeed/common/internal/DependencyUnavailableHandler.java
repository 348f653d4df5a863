package com.aegisspeed.common.internal;

import com.aegisspeed.common.envelope.Codes;
import com.aegisspeed.common.envelope.DeclaredEndpoint;
import com.aegisspeed.common.envelope.Envelope;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Another service could not answer: 500 with the endpoint's own internal-error code (its documented "server
 * internal error"), logged as one line rather than a stack trace.
 */
@Singleton
public class DependencyUnavailableHandler implements ExceptionHandler<DependencyUnavailableException, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(DependencyUnavailableHandler.class);

    @Override
    public HttpResponse<?> handle(HttpRequest request, DependencyUnavailableException e) {
        LOG.warn("{} {} failed: {}", request.getMethod(), request.getPath(), e.getMessage());
        var endpoint = DeclaredEndpoint.of(request);
        Envelope shape = endpoint.map(DeclaredEndpoint::envelope).orElse(Envelope.STANDARD);
        String code = endpoint.map(DeclaredEndpoint::internalErrorCode).orElse(Codes.UPSTREAM_UNAVAILABLE);
        HttpStatus status = HttpStatus.INTERNAL_SERVER_ERROR;
        return HttpResponse.status(status).body(DeclaredEndpoint.errorBody(shape, status, code, "Server internal error"));
    }
}
