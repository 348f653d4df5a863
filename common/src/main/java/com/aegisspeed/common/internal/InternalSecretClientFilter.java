package com.aegisspeed.common.internal;

import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.ClientFilter;
import io.micronaut.http.annotation.RequestFilter;

/**
 * Adds the internal secret to calls made through the service clients ({@code @Client(id = "auth")} etc.).
 * The gateway forwards client traffic through other client ids, which never carry it.
 */
@ClientFilter(serviceId = {"auth", "user", "machine", "anticheat"})
public class InternalSecretClientFilter {

    private final InternalConfiguration configuration;

    public InternalSecretClientFilter(InternalConfiguration configuration) {
        this.configuration = configuration;
    }

    @RequestFilter
    public void addSecret(MutableHttpRequest<?> request) {
        configuration.secret().ifPresent(secret -> request.header(InternalConfiguration.HEADER, secret));
    }
}
