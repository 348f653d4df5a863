package com.aegisspeed.common.token;

import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.HttpClientConfiguration;
import io.micronaut.http.client.HttpClientRegistry;
import io.micronaut.security.token.jwt.signature.jwks.HttpClientJwksClient;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * micronaut-security-jwt's JWKS client (the library fetches and caches auth-service's key set through it), with
 * what the library does not do by itself: it tells whether a key set was ever fetched, so that until then a token
 * no key verifies answers "unavailable" instead of "invalid" ({@link VerifiedSignatures}); when a refresh fails it
 * answers the key set last fetched, so an auth-service outage does not withdraw the keys every verifier holds;
 * and after a failed fetch it does not try again within {@code aegis.jwt.key-refresh-min-interval}, so an
 * unreachable auth-service costs one attempt per interval rather than one per request (the library fetches again
 * on every request while its cached set is empty).
 */
@Singleton
@Replaces(HttpClientJwksClient.class)
public class JwksAvailability extends HttpClientJwksClient {

    private final JwtConfiguration configuration;
    private final Clock clock;
    private final Map<String, String> lastFetched = new ConcurrentHashMap<>();
    private volatile Instant lastFailure = Instant.EPOCH;

    public JwksAvailability(BeanContext beanContext, HttpClientRegistry<HttpClient> clientRegistry,
                            HttpClientConfiguration defaultClientConfiguration,
                            JwtConfiguration configuration, Clock clock) {
        super(beanContext, clientRegistry, defaultClientConfiguration);
        this.configuration = configuration;
        this.clock = clock;
    }

    public boolean everLoaded() {
        return !lastFetched.isEmpty();
    }

    @Override
    public Publisher<String> load(String providerName, String url) {
        Mono<String> previous = Mono.fromSupplier(() -> lastFetched.get(url));
        if (lastFailure.plus(configuration.keyRefreshMinInterval()).isAfter(clock.instant())) {
            return previous;
        }
        return Mono.from(super.load(providerName, url))
                .doOnNext(body -> lastFetched.put(url, body))
                .switchIfEmpty(Mono.defer(() -> {
                    lastFailure = clock.instant();
                    return previous;
                }));
    }
}
