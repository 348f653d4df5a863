package com.aegisspeed.common.token;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code aegis.jwt.*}: what a valid token looks like and how its keys and revocations are fetched. The JWK Set's
 * address, {@code aegis.jwt.jwks-url}, is micronaut-security-jwt's ({@code micronaut.security.token.jwt.signatures}).
 *
 * @param issuer                   expected {@code iss}
 * @param audience                 expected {@code aud}
 * @param revocationPollInterval   how often the revocation feed is read
 * @param keyRefreshMinInterval    after a failed fetch of the JWK Set, the next attempt waits this long
 */
@ConfigurationProperties("aegis.jwt")
public record JwtConfiguration(
        String issuer, String audience, Duration revocationPollInterval, Duration keyRefreshMinInterval) {
}
