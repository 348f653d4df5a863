package com.aegisspeed.auth.token;

import com.aegisspeed.auth.keys.SigningKeys;
import com.aegisspeed.auth.revocation.Revocations;
import com.aegisspeed.common.internal.InternalUser;
import com.aegisspeed.common.token.JwtConfiguration;
import com.aegisspeed.common.token.TokenClaims;
import com.aegisspeed.common.token.TokenLifetime;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Issues the project's tokens (docs/internal-api.md): ES256 with the current key's {@code kid}, {@code iss},
 * {@code aud}, {@code sub} = public id, {@code aegisspeed_id}, {@code roles}, a fresh {@code jti}, and
 * {@code exp} exactly 7 days after {@code iat}.
 */
@Singleton
public class TokenIssuer {

    private final SigningKeys keys;
    private final JwtConfiguration configuration;
    private final Revocations revocations;
    private final Clock clock;

    public TokenIssuer(SigningKeys keys, JwtConfiguration configuration, Revocations revocations, Clock clock) {
        this.keys = keys;
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
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(configuration.issuer())
                .audience(configuration.audience())
                .subject(user.publicId())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(TokenLifetime.LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .claim(TokenClaims.AEGISSPEED_ID, user.aegisSpeedId())
                .claim(TokenClaims.ROLES, List.of(user.role()))
                .build();
        ECKey key = keys.current();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        return jwt.serialize();
    }
}
