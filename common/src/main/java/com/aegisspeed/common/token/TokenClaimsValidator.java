package com.aegisspeed.common.token;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Collection;

/**
 * The project's part of micronaut-security-jwt's claims check, run on every request (also for a token whose
 * signature {@link VerifiedSignatures} remembers): the claims every token carries (docs/internal-api.md), issuer
 * and audience exactly (the library's issuer validator accepts any issuer ending in the expected one), expiry on
 * the service's own clock, and revocation ({@link RevocationCheck}). {@code nbf} is the library's validator.
 *
 * @throws TokenCheckUnavailableException (from {@link #validate}) while revocations cannot be known yet
 */
@Singleton
public class TokenClaimsValidator<T> implements GenericJwtClaimsValidator<T> {

    private final RevocationCheck revocations;
    private final JwtConfiguration configuration;
    private final Clock clock;

    public TokenClaimsValidator(RevocationCheck revocations, JwtConfiguration configuration, Clock clock) {
        this.revocations = revocations;
        this.configuration = configuration;
        this.clock = clock;
    }

    @Override
    public boolean validate(Claims claims, @Nullable T request) {
        if (!configuration.issuer().equals(claims.get(Claims.ISSUER)) || !hasAudience(claims.get(Claims.AUDIENCE))) {
            return false;
        }
        return VerifiedToken.of(claims)
                .filter(token -> clock.instant().isBefore(token.expiresAt()))
                .filter(token -> !revocations.isRevoked(token))
                .isPresent();
    }

    private boolean hasAudience(Object audience) {
        return audience instanceof Collection<?> list ? list.contains(configuration.audience())
                : configuration.audience().equals(audience);
    }
}
