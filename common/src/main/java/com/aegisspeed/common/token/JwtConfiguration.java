package com.aegisspeed.common.token;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;

/**
 * {@code aegis.jwt.*}: what a valid token looks like and where its keys and revocations come from.
 *
 * @param issuer                   expected {@code iss}
 * @param audience                 expected {@code aud}
 * @param jwksUrl                  auth-service's JWK Set
 * @param revocationPollInterval   how often the revocation feed is read
 * @param keyRefreshMinInterval    an unknown {@code kid} fetches the JWK Set again at most this often
 */
@ConfigurationProperties("aegis.jwt")
public record JwtConfiguration(
        String issuer, String audience, URI jwksUrl, Duration revocationPollInterval, Duration keyRefreshMinInterval) {
}
