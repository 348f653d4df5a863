package com.aegisspeed.common.token;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.order.OrderUtil;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.token.jwt.signature.ReactiveSignatureConfiguration;
import io.micronaut.security.token.jwt.signature.SignatureConfiguration;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenSignatureValidator;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * micronaut-security-jwt's signature check with a memory: a token whose ES256 signature one of the library's
 * signature configurations (auth-service's JWKS, or its own keys there) verified is not verified again for
 * {@code aegis.jwt.token-cache.trust}, since the signature check is what a request costs most. What is remembered
 * is the token as parsed, so its next requests are not parsed again either ({@link RememberedTokenParser}); the
 * library still runs every claims validator on each request, so expiry and revocation ({@link TokenClaimsValidator})
 * are never cached. The cache is keyed by the token text, bounded by weight ({@link TokenCacheConfiguration}) and
 * forgets entries by age, so a withdrawn key stops working soon.
 *
 * <p>A service with keys of its own (auth-service) verifies with them alone. Elsewhere, while auth-service's keys
 * have never been fetched ({@link JwksAvailability}), a token that no key verifies answers "unavailable" rather
 * than "invalid": it may well be fine. The claims check that follows runs on the IO pool whenever the revocation
 * check may wait ({@link RevocationCheck#mayWait}: the first revocation load, auth-service's database read) and
 * after a signature was verified; a remembered signature with revocations in memory stays on the event loop: the
 * hop would cost more than the check, and in the gateway everything after it (the forwarding) would run off the loop.
 */
@Singleton
@Replaces(ReactiveJsonWebTokenSignatureValidator.class)
public class VerifiedSignatures implements ReactiveJsonWebTokenSignatureValidator<SignedJWT> {

    private final List<ReactiveSignatureConfiguration<SignedJWT>> signatures = new ArrayList<>();
    private final boolean ownKeys;
    private final JwksAvailability jwks;
    private final RevocationCheck revocations;
    private final Scheduler blocking;
    private final Cache<String, SignedJWT> verified;

    public VerifiedSignatures(List<SignatureConfiguration> signatureConfigurations,
                              List<ReactiveSignatureConfiguration<SignedJWT>> reactiveSignatureConfigurations,
                              JwksAvailability jwks, RevocationCheck revocations,
                              TokenCacheConfiguration configuration, Clock clock,
                              @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        signatureConfigurations.forEach(signature -> signatures.add(jwt -> Mono.fromCallable(() -> signature.verify(jwt))
                .onErrorReturn(JOSEException.class, false)));
        // A service holding the keys itself (auth-service) trusts only them, never a key set fetched over HTTP.
        this.ownKeys = !signatures.isEmpty();
        if (!ownKeys) {
            signatures.addAll(reactiveSignatureConfigurations);
        }
        OrderUtil.sort(signatures);
        this.jwks = jwks;
        this.revocations = revocations;
        this.blocking = Schedulers.fromExecutorService(blocking);
        this.verified = Caffeine.newBuilder()
                .expireAfterWrite(configuration.trust())
                .maximumWeight(configuration.maxKilobytes() * 1024L)
                .weigher((String token, SignedJWT parsed) -> TokenCacheConfiguration.weightOf(token))
                .ticker(() -> clock.millis() * 1_000_000L)
                .build();
    }

    @Override
    public Publisher<Boolean> validateSignature(SignedJWT jwt) {
        String token = jwt.getParsedString();
        if (token != null && verified.getIfPresent(token) != null) {
            return revocations.mayWait() ? Mono.just(true).publishOn(blocking) : Mono.just(true);
        }
        return Flux.fromIterable(signatures)
                .concatMap(signature -> signature.verify(jwt))
                .filter(Boolean::booleanValue)
                .next()
                .doOnNext(ok -> {
                    if (token != null) {
                        verified.put(token, jwt);
                    }
                })
                .switchIfEmpty(Mono.defer(() -> ownKeys || jwks.everLoaded()
                        ? Mono.just(false)
                        : Mono.error(new TokenCheckUnavailableException("auth-service's keys never fetched"))))
                .publishOn(blocking);
    }

    /** The token as parsed when its signature was verified, if that is still trusted; else null. */
    SignedJWT remembered(String token) {
        return verified.getIfPresent(token);
    }

    /** What the cache holds now, in bytes as it weighs them (pending evictions done first). */
    public long cachedWeight() {
        verified.cleanUp();
        return verified.policy().eviction().orElseThrow().weightedSize().orElseThrow();
    }
}
