package com.aegisspeed.gateway.ratelimit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Counters in Redis, shared by every gateway replica: one script call per request increments all of the
 * request's windows atomically and sets their expiry. Redis trouble never stops traffic: while it is
 * unreachable or slow, requests pass uncounted (and it is logged), since a limiter outage must not become
 * a gateway outage.
 */
final class RedisRateLimiter implements RateLimiter, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RedisRateLimiter.class);
    /** KEYS: one per window; ARGV: each window's length in ms. Returns each window's count. */
    private static final String COUNT_SCRIPT = """
            local counts = {}
            for i, key in ipairs(KEYS) do
              local count = redis.call('INCR', key)
              if count == 1 then redis.call('PEXPIRE', key, ARGV[i]) end
              counts[i] = count
            end
            return counts
            """;

    private final RateLimitConfiguration configuration;
    private final Clock clock;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private final RedisClient client;
    private final RedisURI redisUri;
    private final AtomicBoolean connecting = new AtomicBoolean();
    private volatile StatefulRedisConnection<String, String> connection;
    private final AtomicBoolean failing = new AtomicBoolean();

    RedisRateLimiter(RateLimitConfiguration configuration, Clock clock) {
        this.configuration = configuration;
        this.clock = clock;
        this.client = RedisClient.create();
        this.redisUri = RedisURI.create(configuration.redisUrl());
        redisUri.setTimeout(CONNECT_TIMEOUT);
        try {
            // At start, so the first requests are counted; a Redis that is down does not stop the gateway.
            connection = client.connect(StringCodec.UTF8, redisUri);
        } catch (RuntimeException e) {
            failing.set(true);
            LOG.warn("Redis at {} unreachable ({}); requests pass uncounted until it answers",
                    redisUri.getHost(), e.toString());
        }
    }

    @Override
    public Mono<Decision> acquire(List<Bucket> buckets) {
        StatefulRedisConnection<String, String> current = connection;
        if (current == null) {
            connect();
            return Mono.just(Decision.ALLOWED);
        }
        Instant now = clock.instant();
        String[] keys = new String[buckets.size()];
        String[] windows = new String[buckets.size()];
        for (int i = 0; i < keys.length; i++) {
            RateLimit limit = buckets.get(i).limit();
            keys[i] = configuration.redisKeyPrefix() + buckets.get(i).key() + ':' + limit.window().toMillis()
                    + ':' + RateLimiter.windowIndex(limit, now);
            windows[i] = Long.toString(limit.window().toMillis());
        }
        return Mono.fromCompletionStage(current.async().<List<Long>>eval(COUNT_SCRIPT, ScriptOutputType.MULTI, keys, windows))
                .timeout(configuration.redisTimeout())
                .map(counts -> decide(buckets, counts, now))
                .doOnNext(decision -> {
                    if (failing.compareAndSet(true, false)) {
                        LOG.info("Redis rate-limit counters answer again");
                    }
                })
                .onErrorResume(error -> {
                    if (failing.compareAndSet(false, true)) {
                        LOG.warn("Redis rate-limit counters unavailable ({}); requests pass uncounted", error.toString());
                    }
                    return Mono.just(Decision.ALLOWED);
                });
    }

    private static Decision decide(List<Bucket> buckets, List<Long> counts, Instant now) {
        long retryAfter = 0;
        for (int i = 0; i < buckets.size(); i++) {
            RateLimit limit = buckets.get(i).limit();
            if (counts.get(i) > limit.limit()) {
                retryAfter = Math.max(retryAfter, RateLimiter.secondsLeft(limit, now));
            }
        }
        return retryAfter == 0 ? Decision.ALLOWED : new Decision(false, retryAfter);
    }

    /** Tries again without blocking; until it succeeds requests pass uncounted. Once connected, Lettuce reconnects by itself. */
    private void connect() {
        if (connection != null || !connecting.compareAndSet(false, true)) {
            return;
        }
        client.connectAsync(StringCodec.UTF8, redisUri)
                .whenComplete((connected, error) -> {
                    if (error == null) {
                        connection = connected;
                    }
                    connecting.set(false);
                });
    }

    @Override
    public void close() {
        StatefulRedisConnection<String, String> current = connection;
        if (current != null) {
            current.close();
        }
        client.shutdown();
    }
}
