package com.aegisspeed.common.envelope;

import io.micronaut.http.HttpStatus;

/**
 * A request refused for one of its endpoint's documented reasons (e.g. 409 {@code 10004} "Machine code already
 * registered"). Thrown from anywhere below a controller; {@link RefusalHandler} answers it in the endpoint's
 * envelope shape, so controllers need no error plumbing of their own.
 */
public class Refusal extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    public Refusal(HttpStatus status, String code, String text) {
        super(text, null, false, false);
        this.status = status;
        this.code = code;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
