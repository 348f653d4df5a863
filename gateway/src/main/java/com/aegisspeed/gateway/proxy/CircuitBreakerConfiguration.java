package com.aegisspeed.gateway.proxy;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code aegis.gateway.circuit-breaker.*}: after {@code failureThreshold} consecutive failures (no answer, a
 * timeout, or 502/503/504) a service is not called for {@code openDuration}; then one trial request decides.
 */
@ConfigurationProperties("aegis.gateway.circuit-breaker")
public record CircuitBreakerConfiguration(int failureThreshold, Duration openDuration) {
}
