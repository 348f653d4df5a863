package com.aegisspeed.gateway.proxy;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowSynchronizationStrategy;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * {@code aegis.gateway.circuit-breaker.*}: after {@code failureThreshold} consecutive failures (no answer, a
 * timeout, or 502/503/504) a service is not called for {@code openDuration}; then one trial request decides.
 */
@ConfigurationProperties("aegis.gateway.circuit-breaker")
public record CircuitBreakerConfiguration(int failureThreshold, Duration openDuration) {

    private static final Set<Integer> FAILED_STATUSES = Set.of(502, 503, 504);

    /**
     * The same rule in resilience4j's terms: the last {@code failureThreshold} calls all failed (a window of that
     * many calls at a 100 % failure rate), and one permitted call while half-open.
     */
    CircuitBreakerConfig toResilience4j(Clock clock) {
        return CircuitBreakerConfig.custom()
                .slidingWindow(failureThreshold, failureThreshold, SlidingWindowType.COUNT_BASED,
                        SlidingWindowSynchronizationStrategy.LOCK_FREE)
                .failureRateThreshold(100)
                .waitDurationInOpenState(openDuration)
                .permittedNumberOfCallsInHalfOpenState(1)
                // Outcomes are reported by UpstreamForwarder: a service's 502/503/504 answer counts as a failure.
                .recordResult(status -> FAILED_STATUSES.contains(status))
                .writableStackTraceEnabled(false)
                .clock(clock)
                .build();
    }
}
