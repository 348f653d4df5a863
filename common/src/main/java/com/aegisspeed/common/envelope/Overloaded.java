package com.aegisspeed.common.envelope;

import io.micronaut.http.HttpStatus;

import java.time.Duration;

/**
 * The service (or one it depends on) has more of some costly work in hand than it can finish while the caller
 * still waits, so it refuses this request before doing any of it: 429 {@code 00001} with {@code Retry-After}.
 * A 429 rather than a 503: the request is the client's to repeat, and it must not count against the service's
 * health (the gateway's circuit breakers count 502/503/504).
 */
public class Overloaded extends Refusal {

    public static final String TEXT = "Server busy, try again later";

    private final Duration retryAfter;

    public Overloaded(Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, Codes.RATE_LIMITED, TEXT);
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, rounded up, at least 1: what {@code Retry-After} says. */
    public long retryAfterSeconds() {
        long seconds = retryAfter.toSeconds();
        return Math.max(1, retryAfter.toNanosPart() > 0 ? seconds + 1 : seconds);
    }
}
