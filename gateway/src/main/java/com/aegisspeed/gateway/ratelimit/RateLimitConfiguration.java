package com.aegisspeed.gateway.ratelimit;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;

/**
 * {@code aegis.gateway.rate-limit.*}.
 *
 * @param defaultPerClient limits of every route that sets no {@code client-rate-limit} of its own
 * @param defaultPerUser   limits of every route that sets no {@code user-rate-limit} of its own
 * @param redisUrl         {@code AEGIS_REDIS_URL}: counters live in this Redis, shared by every replica;
 *                         unset, each gateway counts in memory
 * @param redisKeyPrefix   prefix of the Redis keys, so several suites can share one Redis
 * @param redisTimeout     a Redis answer slower than this lets the request through (counted nowhere)
 */
@ConfigurationProperties("aegis.gateway.rate-limit")
public record RateLimitConfiguration(
        String defaultPerClient,
        String defaultPerUser,
        @Nullable String redisUrl,
        String redisKeyPrefix,
        Duration redisTimeout) {
}
