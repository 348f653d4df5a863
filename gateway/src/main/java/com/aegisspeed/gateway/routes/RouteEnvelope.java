package com.aegisspeed.gateway.routes;

import com.aegisspeed.common.envelope.DeclaredEndpoint;
import com.aegisspeed.common.envelope.Envelope;
import io.micronaut.http.HttpStatus;

import java.util.Map;

/**
 * The envelope shape a route answers in, errors the gateway produces included (docs/contract.md): the three
 * of {@code common} plus the reference's developer shape ({@code status}, {@code server_state}).
 */
public enum RouteEnvelope {
    STANDARD(Envelope.STANDARD),
    TOKEN(Envelope.TOKEN),
    AVAILABILITY(Envelope.AVAILABILITY),
    DEV(null);

    /** The same shape in {@code common}; none for the developer envelope. */
    private final Envelope common;

    RouteEnvelope(Envelope common) {
        this.common = common;
    }

    /** An error body in this shape. */
    public Object errorBody(HttpStatus status, String code, String text) {
        return common == null
                ? Map.of("status", status.getCode(), "server_state", text)
                : DeclaredEndpoint.errorBody(common, status, code, text);
    }
}
