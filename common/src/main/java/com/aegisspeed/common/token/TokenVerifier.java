package com.aegisspeed.common.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Checks a bearer token as docs/contract.md describes: an ES256 or RS256 signature by a key auth-service
 * publishes, {@code exp}, {@code nbf}, {@code iss}, {@code aud}, the claims every token carries, then revocation.
 * Everything but revocation is CPU-only on cached keys.
 */
@Singleton
public class TokenVerifier {

    private static final String BEARER = "Bearer ";
    private static final Set<JWSAlgorithm> ACCEPTED_ALGORITHMS = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256);

    private final VerificationKeys keys;
    private final RevocationCheck revocations;
    private final JwtConfiguration configuration;
    private final Clock clock;

    public TokenVerifier(VerificationKeys keys, RevocationCheck revocations, JwtConfiguration configuration,
                         Clock clock) {
        this.keys = keys;
        this.revocations = revocations;
        this.configuration = configuration;
        this.clock = clock;
    }

    /**
     * @param authorization the {@code Authorization} header value, {@code Bearer <jwt>}
     * @throws TokenRejectedException          for anything but a valid, unrevoked token
     * @throws TokenCheckUnavailableException when keys or revocations cannot be known yet
     */
    public VerifiedToken verify(@Nullable String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new TokenRejectedException("no bearer token");
        }
        String compact = authorization.substring(BEARER.length()).trim();
        SignedJWT jwt = parse(compact);
        checkSignature(jwt);
        VerifiedToken token = checkClaims(claimsOf(jwt), compact);
        if (revocations.isRevoked(token)) {
            throw new TokenRejectedException("revoked");
        }
        return token;
    }

    private static SignedJWT parse(String compact) {
        try {
            return SignedJWT.parse(compact);
        } catch (ParseException e) {
            // Also what an "alg: none" token becomes: it parses as a PlainJWT, not a SignedJWT.
            throw new TokenRejectedException("not a signed JWT");
        }
    }

    private void checkSignature(SignedJWT jwt) {
        JWSAlgorithm algorithm = jwt.getHeader().getAlgorithm();
        String keyId = jwt.getHeader().getKeyID();
        if (!ACCEPTED_ALGORITHMS.contains(algorithm) || keyId == null) {
            throw new TokenRejectedException("algorithm or key id not accepted");
        }
        JWK key = keys.find(keyId).orElseThrow(() -> new TokenRejectedException("unknown key"));
        try {
            if (!jwt.verify(verifierFor(algorithm, key))) {
                throw new TokenRejectedException("bad signature");
            }
        } catch (JOSEException e) {
            throw new TokenRejectedException("signature not verifiable");
        }
    }

    private static JWSVerifier verifierFor(JWSAlgorithm algorithm, JWK key) throws JOSEException {
        if (algorithm.equals(JWSAlgorithm.ES256) && key instanceof ECKey ec) {
            return new ECDSAVerifier(ec.toPublicJWK());
        }
        if (algorithm.equals(JWSAlgorithm.RS256) && key instanceof RSAKey rsa) {
            return new RSASSAVerifier(rsa.toPublicJWK());
        }
        throw new TokenRejectedException("key does not match the algorithm");
    }

    private static JWTClaimsSet claimsOf(SignedJWT jwt) {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new TokenRejectedException("unreadable claims");
        }
    }

    private VerifiedToken checkClaims(JWTClaimsSet claims, String compact) {
        Instant now = clock.instant();
        Date expires = claims.getExpirationTime();
        Date issued = claims.getIssueTime();
        Date notBefore = claims.getNotBeforeTime();
        if (expires == null || issued == null || !now.isBefore(expires.toInstant())) {
            throw new TokenRejectedException("expired");
        }
        if (notBefore != null && now.isBefore(notBefore.toInstant())) {
            throw new TokenRejectedException("not yet valid");
        }
        if (!configuration.issuer().equals(claims.getIssuer())
                || claims.getAudience() == null || !claims.getAudience().contains(configuration.audience())) {
            throw new TokenRejectedException("wrong issuer or audience");
        }
        try {
            String aegisSpeedId = claims.getStringClaim(TokenClaims.AEGISSPEED_ID);
            List<String> roles = claims.getStringListClaim(TokenClaims.ROLES);
            if (claims.getSubject() == null || claims.getJWTID() == null || aegisSpeedId == null || roles == null) {
                throw new TokenRejectedException("claims missing");
            }
            return new VerifiedToken(claims.getSubject(), aegisSpeedId, List.copyOf(roles), claims.getJWTID(),
                    issued.toInstant(), expires.toInstant(), compact);
        } catch (ParseException e) {
            throw new TokenRejectedException("claims of the wrong type");
        }
    }
}
