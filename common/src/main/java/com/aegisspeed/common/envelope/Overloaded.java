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
        this(retryAfter, TEXT);
    }

    /** With the endpoint's own words for why it must wait (e.g. a login lockout). */
    public Overloaded(Duration retryAfter, String text) {
        super(HttpStatus.TOO_MANY_REQUESTS, Codes.RATE_LIMITED, text);
        this.retryAfter = retryAfter;
    }

    /** What {@code Retry-After} says for this refusal. */
    public long retryAfterSeconds() {
        return retryAfterSeconds(retryAfter);
    }

    /** Whole seconds, rounded up, at least 1: the one rounding of every wait the services announce. */
    public static long retryAfterSeconds(Duration wait) {
        long seconds = wait.toSeconds();
        return Math.max(1, wait.toNanosPart() > 0 ? seconds + 1 : seconds);
    }
}
