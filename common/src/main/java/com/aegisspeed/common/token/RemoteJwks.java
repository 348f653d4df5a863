package com.aegisspeed.common.token;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Async;
import io.micronaut.scheduling.annotation.Scheduled;
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
import java.util.concurrent.CompletableFuture;

/**
 * auth-service's published keys, fetched from {@code aegis.jwt.jwks-url} and cached: fetched once in the
 * background at startup, again for an unknown {@code kid} (a rotated key), and again in the background when the
 * cache is older than {@link #MAX_AGE} (so a withdrawn key stops being accepted). Fetches happen at most once per
 * {@code key-refresh-min-interval}, so neither invented key ids nor an unreachable auth-service turn into a fetch
 * per request. Requests needing a key that a fetch in flight may bring wait for it rather than being refused.
 */
@Singleton
public class RemoteJwks implements VerificationKeys {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteJwks.class);
    private static final Duration MAX_AGE = Duration.ofMinutes(10);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Duration RETRY_WHILE_UNLOADED = Duration.ofSeconds(1);

    private final JwtConfiguration configuration;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    /** Null until the first successful fetch. */
    private volatile Cached cached;
    private Instant lastAttempt = Instant.EPOCH;
    private boolean failing;

    private record Cached(JWKSet keys, Instant fetchedAt) {
    }

    public RemoteJwks(JwtConfiguration configuration, Clock clock) {
        this.configuration = configuration;
        this.clock = clock;
    }

    @EventListener
    @Async
    void prefetch(ServerStartupEvent started) {
        refreshAndFind(null);
    }

    /** Until the first fetch succeeds (auth-service may start after this service), keep trying in the background. */
    @Scheduled(fixedDelay = "1s", initialDelay = "1s")
    void retryUntilLoaded() {
        if (cached == null) {
            refreshAndFind(null);
        }
    }

    /**
     * @throws TokenCheckUnavailableException while no key has ever been fetched
     */
    @Override
    public Optional<JWK> find(String keyId) {
        Cached current = cached;
        JWK key = current == null ? null : current.keys().getKeyByKeyId(keyId);
        if (key != null) {
            if (isStale(current)) {
                CompletableFuture.runAsync(() -> refreshAndFind(null)); // serve the known key meanwhile
            }
            return Optional.of(key);
        }
        key = refreshAndFind(keyId);
        if (key == null && cached == null) {
            throw new TokenCheckUnavailableException("no keys fetched from " + configuration.jwksUrl() + " yet");
        }
        return Optional.ofNullable(key);
    }

    private boolean isStale(Cached current) {
        return current.fetchedAt().plus(MAX_AGE).isBefore(clock.instant());
    }

    /**
     * Fetches the keys unless that was tried less than {@code key-refresh-min-interval} ago (a second while none
     * has ever been fetched), whatever the outcome, so an unreachable auth-service costs one wait per interval,
     * not one per request.
     */
    private synchronized JWK refreshAndFind(String keyId) {
        Cached current = cached;
        JWK known = current == null || keyId == null ? null : current.keys().getKeyByKeyId(keyId);
        if (known != null) {
            return known; // fetched by another request while this one waited
        }
        Instant now = clock.instant();
        Duration pause = current == null ? RETRY_WHILE_UNLOADED : configuration.keyRefreshMinInterval();
        if (lastAttempt.plus(pause).isBefore(now)) {
            lastAttempt = now;
            fetch(now);
        }
        current = cached;
        return current == null || keyId == null ? null : current.keys().getKeyByKeyId(keyId);
    }

    private void fetch(Instant now) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(configuration.jwksUrl()).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                failed("answered HTTP " + response.statusCode());
                return;
            }
            cached = new Cached(JWKSet.parse(response.body()), now);
            if (failing) {
                LOG.info("JWKS at {} readable again", configuration.jwksUrl());
                failing = false;
            }
        } catch (IOException | ParseException e) {
            failed("unreadable: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Logged once per outage, not once per attempt. */
    private void failed(String why) {
        if (!failing) {
            LOG.warn("JWKS at {} {}; retrying", configuration.jwksUrl(), why);
            failing = true;
        }
    }
}
