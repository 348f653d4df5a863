package com.aegisspeed.auth.login;

import com.aegisspeed.common.network.TrustedProxies;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

/**
 * The address a login attempt is counted against: the first {@code X-Forwarded-For} entry when the request came
 * from a trusted proxy (the gateway, which sets that header to the one client address it believes), otherwise the
 * socket's peer, since anyone else could write the header.
 */
@Singleton
public class ClientAddress {

    /** Longer values cannot be addresses; they are cut so they still fit the counter's key. */
    private static final int MAX_LENGTH = 64;

    private final TrustedProxies trustedProxies;

    public ClientAddress(TrustedProxies trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    public String of(HttpRequest<?> request) {
        return of(request.getHeaders().get("X-Forwarded-For"), request.getRemoteAddress().getAddress().getHostAddress());
    }

    /** The same rule for a request another service received: its {@code X-Forwarded-For} and its peer. */
    public String of(@Nullable String forwardedFor, String peerAddress) {
        if (forwardedFor != null && trustedProxies.trusts(peerAddress)) {
            String first = forwardedFor.split(",", 2)[0].trim();
            if (!first.isEmpty()) {
                return first.length() > MAX_LENGTH ? first.substring(0, MAX_LENGTH) : first;
            }
        }
        return peerAddress.length() > MAX_LENGTH ? peerAddress.substring(0, MAX_LENGTH) : peerAddress;
    }
}
