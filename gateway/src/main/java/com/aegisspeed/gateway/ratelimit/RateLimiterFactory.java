package com.aegisspeed.gateway.ratelimit;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;

import java.time.Clock;

/** Redis-backed counters when {@code AEGIS_REDIS_URL} is set, in-memory ones otherwise. */
@Factory
class RateLimiterFactory {

    @Context
    @Bean(preDestroy = "close")
    RateLimiter rateLimiter(RateLimitConfiguration configuration, Clock clock) {
        String url = configuration.redisUrl();
        if (url != null && !url.isBlank()) {
            return new RedisRateLimiter(configuration, clock);
        }
        return new InMemoryRateLimiter(clock);
    }
}
