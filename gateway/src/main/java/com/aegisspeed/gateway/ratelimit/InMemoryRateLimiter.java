package com.aegisspeed.gateway.ratelimit;

import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/** Counters in this process only: right for a single gateway; several replicas each count their own share. */
final class InMemoryRateLimiter implements RateLimiter {

    private static final Duration SWEEP_EVERY = Duration.ofSeconds(10);

    private final Clock clock;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final ReentrantLock sweeping = new ReentrantLock();
    private volatile Instant lastSweep = Instant.EPOCH;

    private record Counter(AtomicLong count, long endsAtMillis) {
    }

    InMemoryRateLimiter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Mono<Decision> acquire(List<Bucket> buckets) {
        Instant now = clock.instant();
        sweepNowAndThen(now);
        long retryAfter = 0;
        for (Bucket bucket : buckets) {
            RateLimit limit = bucket.limit();
            long window = RateLimiter.windowIndex(limit, now);
            long windowMillis = limit.window().toMillis();
            Counter counter = counters.computeIfAbsent(bucket.key() + '|' + windowMillis + '|' + window,
                    k -> new Counter(new AtomicLong(), (window + 1) * windowMillis));
            if (counter.count().incrementAndGet() > limit.limit()) {
                retryAfter = Math.max(retryAfter, RateLimiter.secondsLeft(limit, now));
            }
        }
        return Mono.just(retryAfter == 0 ? Decision.ALLOWED : new Decision(false, retryAfter));
    }

    /** Forgets windows that have ended, so memory follows the number of active clients. */
    private void sweepNowAndThen(Instant now) {
        if (now.isBefore(lastSweep.plus(SWEEP_EVERY)) || !sweeping.tryLock()) {
            return;
        }
        try {
            lastSweep = now;
            long nowMillis = now.toEpochMilli();
            counters.values().removeIf(counter -> counter.endsAtMillis() <= nowMillis);
        } finally {
            sweeping.unlock();
        }
    }
}
