package com.aegisspeed.gateway.token;

import com.aegisspeed.common.http.Base64Url;
import com.aegisspeed.common.token.TokenRejectedException;
import com.aegisspeed.common.token.VerifiedSignatures;
import com.aegisspeed.common.token.VerifiedToken;
import com.nimbusds.jwt.JWT;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.jwt.generator.claims.JwtClaimsSetAdapter;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.text.ParseException;
import java.util.Optional;

/**
 * Verifies bearer tokens for the routes the gateway forwards, which micronaut-security's filter never sees (the
 * gateway answers them before it): the library's validator, with the services' shared signature cache
 * ({@link VerifiedSignatures}), so a token seen before costs no signature check; claims and revocation are checked
 * on every request.
 * <p>
 * The header must be exactly {@code Bearer <jwt>}: one space, no padding, so that neither padded headers nor
 * anything else but a compact JWS reach the cache.
 */
@Singleton
public class GatewayTokens {

    private static final String SCHEME = "Bearer ";

    private final ReactiveJsonWebTokenValidator<JWT, HttpRequest<?>> validator;
    private final VerifiedSignatures signatures;

    public GatewayTokens(ReactiveJsonWebTokenValidator<JWT, HttpRequest<?>> validator, VerifiedSignatures signatures) {
        this.validator = validator;
        this.signatures = signatures;
    }

    /**
     * @return the verified token, or an error: {@link TokenRejectedException} for a missing, malformed, invalid,
     * expired or revoked one, {@code TokenCheckUnavailableException} while keys or revocations cannot be known
     */
    public Mono<VerifiedToken> verify(String authorization, HttpRequest<?> request) {
        if (!isBearerJws(authorization)) {
            return Mono.error(new TokenRejectedException("no well-formed bearer token"));
        }
        return Mono.from(validator.validate(authorization.substring(SCHEME.length()), request))
                .flatMap(jwt -> Mono.justOrEmpty(claimsOf(jwt)))
                .switchIfEmpty(Mono.error(() -> new TokenRejectedException("invalid, expired or revoked")));
    }

    /**
     * Case-insensitive scheme, one space, then a compact JWS: three non-empty base64url parts. Checked by hand: a
     * regular expression over every token was a visible share of the gateway's CPU under load.
     */
    static boolean isBearerJws(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return false;
        }
        int dots = 0;
        int partLength = 0;
        for (int i = SCHEME.length(); i < authorization.length(); i++) {
            char c = authorization.charAt(i);
            if (c == '.') {
                if (partLength == 0 || ++dots > 2) {
                    return false;
                }
                partLength = 0;
            } else if (Base64Url.isAlphabet(c)) {
                partLength++;
            } else {
                return false;
            }
        }
        return dots == 2 && partLength > 0;
    }

    private static Optional<VerifiedToken> claimsOf(JWT jwt) {
        try {
            return VerifiedToken.of(new JwtClaimsSetAdapter(jwt.getJWTClaimsSet()));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    /** What the signature cache holds now, in bytes as it weighs them. */
    public long cachedWeight() {
        return signatures.cachedWeight();
    }
}
