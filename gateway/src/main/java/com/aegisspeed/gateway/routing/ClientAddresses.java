package com.aegisspeed.gateway.routing;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

/**
 * Who the client is, for rate limits and {@code X-Forwarded-For}: the connection's peer address, or, behind a
 * trusted ingress, the header it sets ({@code aegis.gateway.client-address-header}, e.g. {@code X-Real-IP}).
 * Client-sent forwarding headers are never believed otherwise: anyone could claim any address.
 */
@Singleton
public class ClientAddresses {

    private final String trustedHeader;

    public ClientAddresses(@Value("${aegis.gateway.client-address-header:}") String trustedHeader) {
        this.trustedHeader = trustedHeader.isBlank() ? null : trustedHeader;
    }

    public String of(HttpRequest<?> request) {
        if (trustedHeader != null) {
            String forwarded = request.getHeaders().get(trustedHeader);
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.split(",")[0].trim();
            }
        }
        return request.getRemoteAddress().getAddress().getHostAddress();
    }
}
