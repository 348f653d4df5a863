package com.aegisspeed.gateway.routes;

import com.aegisspeed.common.envelope.Codes;
import com.aegisspeed.common.envelope.DeclaredEndpoint;
import com.aegisspeed.common.token.TokenErrorHandlers;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

/** The answers the gateway gives itself, each in the envelope of the route asked for. */
public final class GatewayErrors {

    public static final String UNAVAILABLE_TEXT = "Service unavailable";

    private GatewayErrors() {
    }

    public static MutableHttpResponse<?> of(RouteEnvelope envelope, HttpStatus status, String code, String text) {
        return HttpResponse.status(status).contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(envelope.errorBody(status, code, text));
    }

    public static MutableHttpResponse<?> notOpen(RouteEnvelope envelope) {
        return of(envelope, HttpStatus.FORBIDDEN, Codes.ENDPOINT_NOT_OPEN, Codes.ENDPOINT_NOT_OPEN_TEXT);
    }

    public static MutableHttpResponse<?> unavailable(RouteEnvelope envelope) {
        return of(envelope, HttpStatus.SERVICE_UNAVAILABLE, Codes.UPSTREAM_UNAVAILABLE, UNAVAILABLE_TEXT);
    }

    public static MutableHttpResponse<?> tooLarge(RouteEnvelope envelope) {
        return of(envelope, HttpStatus.REQUEST_ENTITY_TOO_LARGE, Codes.BODY_TOO_LARGE, "Request too large");
    }

    /** 401 {@code 10001} in the route's envelope, as the owning service would answer (docs/contract.md). */
    public static MutableHttpResponse<?> tokenInvalid(Route route) {
        return of(route.envelope(), HttpStatus.UNAUTHORIZED, DeclaredEndpoint.DEFAULT_TOKEN_INVALID_CODE,
                TokenErrorHandlers.TOKEN_INVALID_TEXT);
    }

    public static MutableHttpResponse<?> noSuchEndpoint(RouteEnvelope envelope, HttpStatus status, String text) {
        return of(envelope, status, Codes.NO_SUCH_ENDPOINT, text);
    }
}
