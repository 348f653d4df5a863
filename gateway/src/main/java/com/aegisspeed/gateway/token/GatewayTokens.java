package com.aegisspeed.gateway.token;

import com.aegisspeed.common.token.RevocationCheck;
import com.aegisspeed.common.token.TokenRejectedException;
import com.aegisspeed.common.token.TokenVerifier;
import com.aegisspeed.common.token.VerifiedToken;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/**
 * Verifies bearer tokens for protected routes without blocking the event loop. A token seen before is
 * accepted from a short-lived cache of its checked signature and claims (expiry and revocation are still
 * checked on every request); a new one is verified by {@link TokenVerifier} on the IO pool, because a first
 * revocation poll or a key refresh may wait on auth-service.
 */
@Singleton
public class GatewayTokens {

    /** A cached signature check is trusted this long, so a withdrawn key stops working soon after. */
    private static final Duration CACHE_TRUST = Duration.ofSeconds(60);
    private static final int CACHE_LIMIT = 20_000;

    private final TokenVerifier verifier;
    private final RevocationCheck revocations;
    private final Clock clock;
    private final Scheduler verifying;
    private final Map<String, Cached> checked = new ConcurrentHashMap<>();

    private record Cached(VerifiedToken token, Instant checkedAt) {
    }

    public GatewayTokens(TokenVerifier verifier, RevocationCheck revocations, Clock clock,
                         @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.verifier = verifier;
        this.revocations = revocations;
        this.clock = clock;
        this.verifying = Schedulers.fromExecutorService(blocking);
    }

    /**
     * @return the verified token, or an error: {@link TokenRejectedException} for a missing, invalid, expired or
     * revoked one, {@code TokenCheckUnavailableException} while keys or revocations cannot be known
     */
    public Mono<VerifiedToken> verify(String authorization) {
        if (authorization != null) {
            Cached cached = checked.get(authorization);
            Instant now = clock.instant();
            if (cached != null && now.isBefore(cached.checkedAt().plus(CACHE_TRUST))) {
                if (!now.isBefore(cached.token().expiresAt())) {
                    checked.remove(authorization);
                    return Mono.error(new TokenRejectedException("expired"));
                }
                if (revocations.isRevoked(cached.token())) {
                    return Mono.error(new TokenRejectedException("revoked"));
                }
                return Mono.just(cached.token());
            }
        }
        return Mono.fromCallable(() -> verifier.verify(authorization))
                .subscribeOn(verifying)
                .doOnNext(token -> remember(authorization, token));
    }

    private void remember(String authorization, VerifiedToken token) {
        if (checked.size() >= CACHE_LIMIT) {
            checked.clear(); // rare; a full re-verification of live tokens is cheap enough
        }
        checked.put(authorization, new Cached(token, clock.instant()));
    }
}
