package com.aegisspeed.common.token;

import com.aegisspeed.common.identity.Role;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.Claims;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A token whose signature, lifetime, issuer, audience and revocation have been checked, as the project reads it.
 *
 * @param subject      the user's opaque public id ({@code sub}), never the ID number
 * @param aegisSpeedId the user's AegisSpeed ID ({@code aegisspeed_id})
 * @param roles        role labels ({@code roles}), e.g. {@code 用户}
 * @param jti          the token's unique id, the handle for revoking it and for binding admin secrets
 */
public record VerifiedToken(
        String subject, String aegisSpeedId, List<String> roles, String jti, Instant issuedAt, Instant expiresAt) {

    /** Holds any admin role ({@code 组织管理员}, {@code 管理员}, {@code 超级管理员}). */
    public boolean isAdmin() {
        return roles.stream().map(Role::fromLabel).anyMatch(r -> r.map(Role::isAdmin).orElse(false));
    }

    /** The claims of a token, or empty when one the project's tokens always carry is missing or of the wrong type. */
    public static Optional<VerifiedToken> of(Claims claims) {
        return of(claims::get);
    }

    /** What the security filter authenticated: the token's claims are its attributes. */
    public static Optional<VerifiedToken> of(Authentication authentication) {
        Map<String, Object> attributes = authentication.getAttributes();
        return of(attributes::get);
    }

    private static Optional<VerifiedToken> of(Function<String, Object> claim) {
        if (!(claim.apply(Claims.SUBJECT) instanceof String subject)
                || !(claim.apply(TokenClaims.AEGISSPEED_ID) instanceof String aegisSpeedId)
                || !(claim.apply(Claims.TOKEN_ID) instanceof String jti)
                || !(claim.apply(TokenClaims.ROLES) instanceof Collection<?> roles)
                || !roles.stream().allMatch(String.class::isInstance)) {
            return Optional.empty();
        }
        Instant issuedAt = instant(claim.apply(Claims.ISSUED_AT));
        Instant expiresAt = instant(claim.apply(Claims.EXPIRATION_TIME));
        if (issuedAt == null || expiresAt == null) {
            return Optional.empty();
        }
        return Optional.of(new VerifiedToken(subject, aegisSpeedId, roles.stream().map(String.class::cast).toList(),
                jti, issuedAt, expiresAt));
    }

    private static Instant instant(Object value) {
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof Number seconds) {
            return Instant.ofEpochSecond(seconds.longValue());
        }
        return null;
    }
}
