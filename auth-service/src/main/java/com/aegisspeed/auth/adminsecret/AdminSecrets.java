package com.aegisspeed.auth.adminsecret;

import com.aegisspeed.common.time.Utc;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Dynamic admin secrets (docs/contract.md): valid 10 minutes, bound to the token they were issued for (its
 * {@code jti}); a new one replaces the previous one of the same token. Only a SHA-256 of the secret is stored:
 * the secret is 256 random bits, so a fast hash is enough and a database leak reveals no usable secret.
 */
@Singleton
public class AdminSecrets {

    public static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final int SECRET_BYTES = 32;

    private final AdminSecretRepository repository;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public AdminSecrets(AdminSecretRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** A new secret for the token {@code jti}; replaces the one issued before for it. */
    public String issue(String jti) {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        repository.upsert(jti, sha256(secret), Utc.stored(clock.instant().plus(LIFETIME)));
        return secret;
    }

    /** Whether {@code secret} is the unexpired one issued for {@code jti}. */
    public boolean isValid(String secret, String jti) {
        Instant now = clock.instant();
        return repository.findById(jti)
                .filter(stored -> MessageDigest.isEqual(stored.secretHash().getBytes(StandardCharsets.US_ASCII),
                        sha256(secret).getBytes(StandardCharsets.US_ASCII)))
                .filter(stored -> now.isBefore(Utc.instant(stored.expiresAt())))
                .isPresent();
    }

    /** Drops the secret of a token that is being revoked. */
    public void forget(String jti) {
        repository.deleteById(jti);
    }

    private static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
