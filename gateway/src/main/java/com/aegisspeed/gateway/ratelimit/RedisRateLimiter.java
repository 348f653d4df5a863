package com.aegisspeed.gateway.ratelimit;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Buckets in Redis, shared by every gateway replica (Bucket4j's Lettuce backend, compare-and-swap per bucket;
 * a bucket's key expires once it would be full again). Redis trouble never stops traffic: while it is
 * unreachable or slow, requests pass uncounted (and it is logged), since a limiter outage must not become a
 * gateway outage.
 */
final class RedisRateLimiter implements RateLimiter {

    private static final Logger LOG = LoggerFactory.getLogger(RedisRateLimiter.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final RateLimitConfiguration configuration;
    private final Clock clock;
    private final RedisClient client;
    private final RedisURI redisUri;
    private final AtomicBoolean connecting = new AtomicBoolean();
    private final AtomicBoolean failing = new AtomicBoolean();
    private volatile StatefulRedisConnection<String, byte[]> connection;
    private volatile AsyncProxyManager<String> buckets;

    RedisRateLimiter(RateLimitConfiguration configuration, Clock clock) {
        this.configuration = configuration;
        this.clock = clock;
        this.client = RedisClient.create();
        this.redisUri = RedisURI.create(configuration.redisUrl());
        redisUri.setTimeout(CONNECT_TIMEOUT);
        try {
            // At start, so the first requests are counted; a Redis that is down does not stop the gateway.
            connected(client.connect(CODEC, redisUri));
        } catch (RuntimeException e) {
            failing.set(true);
            LOG.warn("Redis at {} unreachable ({}); requests pass uncounted until it answers",
                    redisUri.getHost(), e.toString());
        }
    }

    @Override
    public Mono<Decision> acquire(List<Bucket> requested) {
        AsyncProxyManager<String> current = buckets;
        if (current == null) {
            connect();
            return Mono.just(Decision.ALLOWED);
        }
        return Flux.fromIterable(requested)
                .concatMap(bucket -> Mono.fromFuture(() -> current
                        .getProxy(configuration.redisKeyPrefix() + bucket.key(),
                                () -> CompletableFuture.completedFuture(RateLimit.configuration(bucket.limits())))
                        .tryConsumeAndReturnRemaining(1)))
                .reduce(0L, (wait, probe) -> probe.isConsumed() ? wait : Math.max(wait, probe.getNanosToWaitForRefill()))
                .map(Decision::afterWaiting)
                .timeout(configuration.redisTimeout())
                .doOnNext(decision -> {
                    if (failing.compareAndSet(true, false)) {
                        LOG.info("Redis rate-limit buckets answer again");
                    }
                })
                .onErrorResume(error -> {
                    if (failing.compareAndSet(false, true)) {
                        LOG.warn("Redis rate-limit buckets unavailable ({}); requests pass uncounted", error.toString());
                    }
                    return Mono.just(Decision.ALLOWED);
                });
    }

    private void connected(StatefulRedisConnection<String, byte[]> opened) {
        connection = opened;
        buckets = Bucket4jLettuce.casBasedBuilder(opened)
                .clientClock(RateLimiter.timeOf(clock))
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(1)))
                .build()
                .asAsync();
    }

    /** Tries again without blocking; until it succeeds requests pass uncounted. Once connected, Lettuce reconnects by itself. */
    private void connect() {
        if (buckets != null || !connecting.compareAndSet(false, true)) {
            return;
        }
        client.connectAsync(CODEC, redisUri)
                .whenComplete((opened, error) -> {
                    if (error == null) {
                        connected(opened);
                    }
                    connecting.set(false);
                });
    }

    @Override
    public void close() {
        StatefulRedisConnection<String, byte[]> current = connection;
        if (current != null) {
            current.close();
        }
        client.shutdown();
    }
}
