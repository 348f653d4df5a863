package com.aegisspeed.gateway.ratelimit;

import io.github.bucket4j.TimeMeter;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Bucket4j buckets, one per client or user of a route, and whether one more request may pass. */
public interface RateLimiter extends AutoCloseable {

    /** One bucket: whose requests ({@code key}, e.g. route + client address) under which limits. */
    record Bucket(String key, List<RateLimit> limits) {
    }

    /** Whether the request may pass; if not, how many seconds until it would. */
    record Decision(boolean allowed, long retryAfterSeconds) {
        static final Decision ALLOWED = new Decision(true, 0);

        /** Allowed when no bucket asked to wait; else the longest wait in whole seconds, at least 1. */
        static Decision afterWaiting(long nanos) {
            return nanos == 0 ? ALLOWED
                    : new Decision(false, Math.max(1, (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1)));
        }
    }

    /** Takes one token from every bucket that has one. */
    Mono<Decision> acquire(List<Bucket> buckets);

    @Override
    default void close() {
    }

    /** Bucket4j's time from the application clock, so tests can move it. */
    static TimeMeter timeOf(Clock clock) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }
}
