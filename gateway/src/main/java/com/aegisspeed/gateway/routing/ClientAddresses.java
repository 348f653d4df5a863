package com.aegisspeed.gateway.routing;

import com.aegisspeed.common.network.TrustedProxies;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.util.List;

/**
 * Who the client is, for rate limits and {@code X-Forwarded-For}: the connection's peer address, or, behind a
 * trusted ingress, the header it sets ({@code aegis.gateway.client-address-header}, e.g. {@code X-Real-IP}), believed
 * only when the connection comes from one of {@code aegis.trusted-proxies}. Of a list ({@code X-Forwarded-For}) only the last entry of the last line counts: the ingress appends the
 * address it saw, and everything before it is whatever the client sent. Client-sent forwarding headers are never
 * believed otherwise.
 */
@Singleton
public class ClientAddresses {

    private final String trustedHeader;
    private final TrustedProxies trustedProxies;

    public ClientAddresses(@Value("${aegis.gateway.client-address-header:}") String trustedHeader,
                           TrustedProxies trustedProxies) {
        this.trustedHeader = trustedHeader.isBlank() ? null : trustedHeader;
        this.trustedProxies = trustedProxies;
    }

    public String of(HttpRequest<?> request) {
        InetAddress peerAddress = request.getRemoteAddress().getAddress();
        String peer = peerAddress.getHostAddress();
        if (trustedHeader != null && trustedProxies.trusts(peerAddress)) {
            List<String> lines = request.getHeaders().getAll(trustedHeader);
            String forwarded = lines.isEmpty() ? null : lines.get(lines.size() - 1);
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.substring(forwarded.lastIndexOf(',') + 1).trim();
            }
        }
        return peer;
    }
}
