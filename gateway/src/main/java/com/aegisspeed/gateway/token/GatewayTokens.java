package com.aegisspeed.gateway.token;

import com.aegisspeed.common.token.RevocationCheck;
import com.aegisspeed.common.token.TokenRejectedException;
import com.aegisspeed.common.token.TokenVerifier;
import com.aegisspeed.common.token.VerifiedToken;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.regex.Pattern;

/**
 * Verifies bearer tokens for protected routes without blocking the event loop. A token seen before is
 * accepted from a cache of its checked signature and claims (expiry and revocation are still checked on every
 * request); a new one is verified by {@link TokenVerifier} on the IO pool, because a first revocation poll or a
 * key refresh may wait on auth-service.
 * <p>
 * The header must be exactly {@code Bearer <jwt>}: one space, no padding. The cache is keyed by the token
 * itself, weighed by its length and bounded ({@link TokenCacheConfiguration}), so neither padded headers nor
 * a flood of distinct tokens can grow it past its budget.
 */
@Singleton
public class GatewayTokens {

    /** Case-insensitive scheme, one space, then a compact JWS: three base64url parts. */
    private static final Pattern BEARER = Pattern.compile("(?i:Bearer) [A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    private static final int SCHEME_LENGTH = "Bearer ".length();

    private final TokenVerifier verifier;
    private final RevocationCheck revocations;
    private final Clock clock;
    private final Scheduler verifying;
    private final Cache<String, VerifiedToken> checked;

    public GatewayTokens(TokenVerifier verifier, RevocationCheck revocations, Clock clock,
                         TokenCacheConfiguration configuration,
                         @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.verifier = verifier;
        this.revocations = revocations;
        this.clock = clock;
        this.verifying = Schedulers.fromExecutorService(blocking);
        this.checked = Caffeine.newBuilder()
                // A withdrawn signing key stops working once its tokens' checks have aged out.
                .expireAfterWrite(configuration.trust())
                .maximumWeight(configuration.maxKilobytes() * 1024L)
                .weigher((String token, VerifiedToken verified) -> token.length() + TokenCacheConfiguration.ENTRY_OVERHEAD)
                .ticker(() -> clock.millis() * 1_000_000L)
                .build();
    }

    /**
     * @return the verified token, or an error: {@link TokenRejectedException} for a missing, malformed, invalid,
     * expired or revoked one, {@code TokenCheckUnavailableException} while keys or revocations cannot be known
     */
    public Mono<VerifiedToken> verify(String authorization) {
        if (authorization == null || !BEARER.matcher(authorization).matches()) {
            return Mono.error(new TokenRejectedException("no well-formed bearer token"));
        }
        String token = authorization.substring(SCHEME_LENGTH);
        VerifiedToken cached = checked.getIfPresent(token);
        if (cached != null) {
            if (!clock.instant().isBefore(cached.expiresAt())) {
                checked.invalidate(token);
                return Mono.error(new TokenRejectedException("expired"));
            }
            if (revocations.isRevoked(cached)) {
                return Mono.error(new TokenRejectedException("revoked"));
            }
            return Mono.just(cached);
        }
        return Mono.fromCallable(() -> verifier.verify(authorization))
                .subscribeOn(verifying)
                .doOnNext(verified -> checked.put(verified.raw(), verified)); // the key is the token the entry holds anyway
    }

    /** What the cache holds now, in bytes as it weighs them (pending evictions done first). */
    public long cachedWeight() {
        checked.cleanUp();
        return checked.policy().eviction().orElseThrow().weightedSize().orElseThrow();
    }
}
