package com.aegisspeed.testsupport;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in tests that move time (token expiry, lockout windows, secret lifetimes) instead of
 * sleeping. Enabled with property {@code aegis.test.adjustable-clock=true}; it starts at the real time.
 */
@Singleton
@Replaces(Clock.class)
@Requires(property = "aegis.test.adjustable-clock", value = "true")
public class AdjustableClock extends Clock {

    private volatile Instant now = Instant.now();

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    public void set(Instant instant) {
        now = instant;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the service clock is UTC");
    }
}
