package com.aegisspeed.common.internal;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The shared secret services present to each other's {@code /internal/**} endpoints
 * ({@code AEGIS_INTERNAL_SECRET}). Without one configured, internal endpoints refuse every call.
 *
 * <p>During a rotation the previous secret ({@code AEGIS_INTERNAL_SECRET_PREVIOUS}) is accepted too but never sent,
 * so replicas can move to the new secret one at a time: first every service accepts both, then each sends the new
 * one, then the previous one is removed (deploy/README.md).
 */
@Singleton
public class InternalConfiguration {

    public static final String HEADER = "X-Aegis-Internal";

    private final Optional<String> secret;
    private final Optional<String> previousSecret;

    public InternalConfiguration(@Value("${aegis.internal.secret:}") String secret,
                                 @Value("${aegis.internal.previous-secret:}") String previousSecret) {
        this.secret = secret.isBlank() ? Optional.empty() : Optional.of(secret);
        this.previousSecret = previousSecret.isBlank() || this.secret.isEmpty() ? Optional.empty() : Optional.of(previousSecret);
    }

    public Optional<String> secret() {
        return secret;
    }

    /** Compares in constant time, so the secret cannot be guessed byte by byte from response times. */
    public boolean accepts(String presented) {
        if (presented == null) {
            return false;
        }
        byte[] bytes = presented.getBytes(StandardCharsets.UTF_8);
        // Both comparisons always run: which secret matched must not show in the response time either.
        boolean current = matches(secret, bytes);
        boolean previous = matches(previousSecret, bytes);
        return current | previous;
    }

    private static boolean matches(Optional<String> expected, byte[] presented) {
        return expected.map(s -> MessageDigest.isEqual(s.getBytes(StandardCharsets.UTF_8), presented)).orElse(false);
    }
}
