package com.aegisspeed.common.token;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * auth-service's published keys, fetched from {@code aegis.jwt.jwks-url} and cached. An unknown {@code kid}
 * (a rotated key) fetches them again, at most once per {@code key-refresh-min-interval}, so a flood of
 * tokens with invented key ids cannot hammer auth-service. A cache older than {@link #MAX_AGE} is refetched,
 * so a withdrawn key stops being accepted.
 */
@Singleton
public class RemoteJwks implements VerificationKeys {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteJwks.class);
    private static final Duration MAX_AGE = Duration.ofMinutes(10);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final JwtConfiguration configuration;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private volatile Cached cached = new Cached(new JWKSet(), Instant.EPOCH);
    private volatile Instant lastAttempt = Instant.EPOCH;

    private record Cached(JWKSet keys, Instant fetchedAt) {
    }

    public RemoteJwks(JwtConfiguration configuration, Clock clock) {
        this.configuration = configuration;
        this.clock = clock;
    }

    @Override
    public Optional<JWK> find(String keyId) {
        Cached current = cached;
        JWK key = current.keys().getKeyByKeyId(keyId);
        Instant now = clock.instant();
        boolean stale = current.fetchedAt().plus(MAX_AGE).isBefore(now);
        if ((key == null || stale) && lastAttempt.plus(configuration.keyRefreshMinInterval()).isBefore(now)) {
            current = refresh(now);
            key = current.keys().getKeyByKeyId(keyId);
        }
        return Optional.ofNullable(key);
    }

    private synchronized Cached refresh(Instant now) {
        if (!lastAttempt.plus(configuration.keyRefreshMinInterval()).isBefore(now)) {
            return cached; // another request refreshed meanwhile
        }
        lastAttempt = now;
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(configuration.jwksUrl()).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                cached = new Cached(JWKSet.parse(response.body()), now);
            } else {
                LOG.warn("JWKS at {} answered HTTP {}; keeping the keys fetched before", configuration.jwksUrl(),
                        response.statusCode());
            }
        } catch (IOException | ParseException e) {
            LOG.warn("JWKS at {} unreadable ({}); keeping the keys fetched before", configuration.jwksUrl(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return cached;
    }
}
