package com.aegisspeed.gateway.proxy;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.ProxyHttpClient;

/**
 * A service behind the gateway, reached through the HTTP client of the same name
 * ({@code micronaut.http.services.auth-service} etc., which never carries the internal secret).
 *
 * @param name    the service's name, e.g. {@code auth-service}
 * @param proxy   streams client requests and answers through
 * @param management asks the service's readiness: the client {@code <name>-management} where one is configured
 *                   (the service's management port), else the service's own client
 * @param breaker trips after consecutive failures
 */
public record Upstream(String name, ProxyHttpClient proxy, HttpClient management, CircuitBreaker breaker) {
}
