package com.aegisspeed.gateway.flags;

import com.aegisspeed.common.envelope.ApiResponse;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The flag store failed (database down): 500 with the operator API's internal-error code, logged in one line. */
@Singleton
class FlagStoreExceptionHandler implements ExceptionHandler<FlagStoreException, HttpResponse<ApiResponse>> {

    private static final Logger LOG = LoggerFactory.getLogger(FlagStoreExceptionHandler.class);

    @Override
    public HttpResponse<ApiResponse> handle(HttpRequest request, FlagStoreException e) {
        LOG.warn("{} {} failed: {}", request.getMethod(), request.getPath(), e.getCause().toString());
        HttpStatus status = HttpStatus.INTERNAL_SERVER_ERROR;
        return HttpResponse.status(status).body(ApiResponse.error(status, AdminEndpointsController.INTERNAL_ERROR,
                "Endpoint flags could not be read or changed, server internal error"));
    }
}
