package com.aegisspeed.gateway.routing;

import com.aegisspeed.common.envelope.ApiResponse;
import com.aegisspeed.common.envelope.AvailabilityResponse;
import io.micronaut.http.HttpStatus;

import java.util.Map;

/**
 * The envelope shape a route answers in, errors the gateway produces included (DECISIONS.md §2): the three
 * of {@code common} plus the reference's developer envelope D ({@code status}, {@code server_state}).
 */
public enum RouteEnvelope {
    STANDARD,
    TOKEN,
    AVAILABILITY,
    DEV;

    /** An error body in this shape. */
    public Object errorBody(HttpStatus status, String code, String text) {
        return switch (this) {
            case STANDARD -> ApiResponse.error(status, code, text);
            case TOKEN -> ApiResponse.tokenError(status, code, text);
            case AVAILABILITY -> AvailabilityResponse.error(status, code, text);
            case DEV -> Map.of("status", status.getCode(), "server_state", text);
        };
    }
}
