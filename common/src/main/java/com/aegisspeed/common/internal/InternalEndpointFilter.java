package com.aegisspeed.common.internal;

import com.aegisspeed.common.envelope.ApiResponse;
import com.aegisspeed.common.envelope.Codes;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/** Internal endpoints answer only callers presenting the internal secret; to anyone else they are not open. */
@ServerFilter("/internal/**")
public class InternalEndpointFilter {

    private final InternalConfiguration configuration;

    public InternalEndpointFilter(InternalConfiguration configuration) {
        this.configuration = configuration;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> refuseStrangers(HttpRequest<?> request) {
        if (configuration.accepts(request.getHeaders().get(InternalConfiguration.HEADER))) {
            return null;
        }
        return HttpResponse.status(HttpStatus.FORBIDDEN)
                .body(ApiResponse.error(HttpStatus.FORBIDDEN, Codes.ENDPOINT_NOT_OPEN, Codes.ENDPOINT_NOT_OPEN_TEXT));
    }
}
