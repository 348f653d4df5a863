package com.aegisspeed.gateway.proxy;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.HttpClientRegistry;
import io.micronaut.http.client.HttpVersionSelection;
import io.micronaut.http.client.ProxyHttpClient;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The services behind the gateway, from configuration only: {@code aegis.gateway.upstreams} names them (in the
 * order {@code check_server_api_state} lists them) and each is reached through the HTTP client configured under
 * the same name in {@code micronaut.http.services}, its readiness through {@code <name>-management} where that is
 * configured (its management port). Each gets its own circuit breaker.
 */
@Singleton
public class Upstreams {

    private final List<Upstream> all;
    private final Map<String, Upstream> byName;

    public Upstreams(@Property(name = "aegis.gateway.upstreams") List<String> names,
                     HttpClientRegistry<HttpClient> clients, Environment environment,
                     CircuitBreakerConfiguration breakers, Clock clock) {
        CircuitBreakerConfig breakerConfig = breakers.toResilience4j(clock);
        Map<String, Upstream> configured = new LinkedHashMap<>();
        for (String name : names) {
            if (!environment.containsProperty("micronaut.http.services." + name + ".url")) {
                throw new ConfigurationException("upstream " + name + " has no micronaut.http.services." + name + ".url");
            }
            // The registry's clients for a configured id are both plain and proxying clients.
            HttpClient client = clients.getClient((HttpVersionSelection) null, name, null);
            String managementId = name + "-management";
            HttpClient management = environment.containsProperty("micronaut.http.services." + managementId + ".url")
                    ? clients.getClient((HttpVersionSelection) null, managementId, null) : client;
            configured.put(name, new Upstream(name, (ProxyHttpClient) client, management,
                    CircuitBreaker.of(name, breakerConfig)));
        }
        this.all = List.copyOf(configured.values());
        this.byName = Map.copyOf(configured);
    }

    public boolean serves(String service) {
        return byName.containsKey(service);
    }

    public Optional<Upstream> find(String service) {
        return Optional.ofNullable(byName.get(service));
    }

    public List<Upstream> all() {
        return all;
    }
}
