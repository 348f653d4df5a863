package com.aegisspeed.common.internal;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.ClientFilter;
import io.micronaut.http.annotation.RequestFilter;

import java.util.Set;

/**
 * Adds the internal secret to calls made through the service clients named in {@code aegis.internal.clients}
 * ({@code @Client(id = "auth")} etc.), so a new service is added in configuration only. The gateway forwards
 * client traffic through other client ids, which never carry it.
 */
@ClientFilter
public class InternalSecretClientFilter {

    private final InternalConfiguration configuration;
    private final Set<String> clients;

    public InternalSecretClientFilter(InternalConfiguration configuration,
                                      @Value("${aegis.internal.clients}") Set<String> clients) {
        this.configuration = configuration;
        this.clients = Set.copyOf(clients);
    }

    @RequestFilter
    public void addSecret(MutableHttpRequest<?> request) {
        if (BasicHttpAttributes.getServiceId(request).filter(clients::contains).isPresent()) {
            configuration.secret().ifPresent(secret -> request.header(InternalConfiguration.HEADER, secret));
        }
    }
}
