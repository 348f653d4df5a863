package com.aegisspeed.auth.token;

import com.aegisspeed.auth.revocation.Revocations;
import com.aegisspeed.common.internal.InternalUser;
import com.aegisspeed.common.token.JwtConfiguration;
import com.aegisspeed.common.token.TokenClaims;
import com.aegisspeed.common.token.TokenLifetime;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Issues the project's tokens (docs/internal-api.md) with micronaut-security-jwt's generator, which signs them
 * ES256 with the current key under its {@code kid} ({@code TokenSignatures}): {@code iss},
 * {@code aud}, {@code sub} = public id, {@code aegisspeed_id}, {@code roles}, a fresh {@code jti}, and
 * {@code exp} exactly 7 days after {@code iat}.
 */
@Singleton
public class TokenIssuer {

    private final JwtTokenGenerator generator;
    private final JwtConfiguration configuration;
    private final Revocations revocations;
    private final Clock clock;

    public TokenIssuer(JwtTokenGenerator generator, JwtConfiguration configuration, Revocations revocations,
                       Clock clock) {
        this.generator = generator;
        this.configuration = configuration;
        this.revocations = revocations;
        this.clock = clock;
    }

    /** A token for a user who logged in. */
    public String issueFor(InternalUser user) {
        return issue(user, revocations.issueTimeFor(user.publicId()));
    }

    /**
     * A token for a user created a moment ago, who cannot have revocations yet: signing needs no database,
     * so once user-service has created the user the registration cannot fail half-way.
     */
    public String issueForNewUser(InternalUser user) {
        return issue(user, clock.instant().truncatedTo(ChronoUnit.SECONDS));
    }

    private String issue(InternalUser user, Instant issuedAt) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(Claims.ISSUER, configuration.issuer());
        claims.put(Claims.AUDIENCE, configuration.audience());
        claims.put(Claims.SUBJECT, user.publicId());
        claims.put(Claims.ISSUED_AT, Date.from(issuedAt));
        claims.put(Claims.EXPIRATION_TIME, Date.from(issuedAt.plus(TokenLifetime.LIFETIME)));
        claims.put(Claims.TOKEN_ID, UUID.randomUUID().toString());
        claims.put(TokenClaims.AEGISSPEED_ID, user.aegisSpeedId());
        claims.put(TokenClaims.ROLES, List.of(user.role()));
        return generator.generateToken(claims).orElseThrow(() -> new IllegalStateException("cannot sign a token"));
    }
}
