package com.aegisspeed.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucket;
import io.github.bucket4j.local.LocalBucketBuilder;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Buckets in this process only: right for a single gateway; several replicas each count their own share. */
final class InMemoryRateLimiter implements RateLimiter {

    private final TimeMeter time;
    /** A bucket unused for its longest window is full again, so it is dropped: memory follows active clients. */
    private final Cache<String, Held> buckets;

    private record Held(LocalBucket bucket, Duration idleLimit) {
    }

    InMemoryRateLimiter(Clock clock) {
        this.time = RateLimiter.timeOf(clock);
        this.buckets = Caffeine.newBuilder()
                .expireAfter(Expiry.accessing((String key, Held held) -> held.idleLimit()))
                .ticker(time::currentTimeNanos)
                .build();
    }

    @Override
    public Mono<Decision> acquire(List<Bucket> requested) {
        long wait = 0;
        for (Bucket bucket : requested) {
            ConsumptionProbe probe = buckets.get(bucket.key(), key -> create(bucket.limits()))
                    .bucket().tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                wait = Math.max(wait, probe.getNanosToWaitForRefill());
            }
        }
        return Mono.just(Decision.afterWaiting(wait));
    }

    private Held create(List<RateLimit> limits) {
        LocalBucketBuilder builder = io.github.bucket4j.Bucket.builder().withCustomTimePrecision(time);
        limits.forEach(limit -> builder.addLimit(limit.bandwidth()));
        return new Held(builder.build(), RateLimit.longestWindow(limits));
    }
}
