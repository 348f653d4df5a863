package com.aegisspeed.gateway.proxy;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.ProxyHttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The four services behind the gateway (docs/contract.md), their clients and breakers. */
@Singleton
public class Upstreams {

    private final List<Upstream> all;
    private final Map<String, Upstream> byName;

    public Upstreams(@Client(id = "upstream-auth") ProxyHttpClient authProxy,
                     @Client(id = "upstream-auth") HttpClient authClient,
                     @Client(id = "upstream-user") ProxyHttpClient userProxy,
                     @Client(id = "upstream-user") HttpClient userClient,
                     @Client(id = "upstream-machine") ProxyHttpClient machineProxy,
                     @Client(id = "upstream-machine") HttpClient machineClient,
                     @Client(id = "upstream-anticheat") ProxyHttpClient anticheatProxy,
                     @Client(id = "upstream-anticheat") HttpClient anticheatClient,
                     CircuitBreakerConfiguration breakers, Clock clock) {
        this.all = List.of(
                new Upstream("auth-service", authProxy, authClient, new CircuitBreaker(breakers, clock)),
                new Upstream("user-service", userProxy, userClient, new CircuitBreaker(breakers, clock)),
                new Upstream("machine-service", machineProxy, machineClient, new CircuitBreaker(breakers, clock)),
                new Upstream("anticheat-service", anticheatProxy, anticheatClient, new CircuitBreaker(breakers, clock)));
        this.byName = all.stream().collect(Collectors.toUnmodifiableMap(Upstream::name, Function.identity()));
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
