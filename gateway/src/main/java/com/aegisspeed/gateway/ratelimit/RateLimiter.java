package com.aegisspeed.gateway.ratelimit;

import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;

/** Counts requests in fixed windows ({@link RateLimit}) and says whether one more may pass. */
public interface RateLimiter extends AutoCloseable {

    /** One counter: whose requests ({@code key}, e.g. route + client address) under which limit. */
    record Bucket(String key, RateLimit limit) {
    }

    /** Whether the request may pass; if not, how many seconds until the exceeded window ends. */
    record Decision(boolean allowed, long retryAfterSeconds) {
        static final Decision ALLOWED = new Decision(true, 0);
    }

    /** Counts the request against every bucket. */
    Mono<Decision> acquire(List<Bucket> buckets);

    @Override
    default void close() {
    }

    /** The window of {@code limit} that contains {@code now}, as its index since the epoch. */
    static long windowIndex(RateLimit limit, Instant now) {
        return now.toEpochMilli() / limit.window().toMillis();
    }

    /** Whole seconds (at least 1) from {@code now} to the end of {@code limit}'s current window. */
    static long secondsLeft(RateLimit limit, Instant now) {
        long windowMillis = limit.window().toMillis();
        long end = (windowIndex(limit, now) + 1) * windowMillis;
        return Math.max(1, (end - now.toEpochMilli() + 999) / 1000);
    }
}
