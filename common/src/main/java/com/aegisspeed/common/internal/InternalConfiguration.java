package com.aegisspeed.common.internal;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The shared secret services present to each other's {@code /internal/**} endpoints
 * ({@code AEGIS_INTERNAL_SECRET}). Without one configured, internal endpoints refuse every call.
 */
@Singleton
public class InternalConfiguration {

    public static final String HEADER = "X-Aegis-Internal";

    private final Optional<String> secret;

    public InternalConfiguration(@Value("${aegis.internal.secret:}") String secret) {
        this.secret = secret.isBlank() ? Optional.empty() : Optional.of(secret);
    }

    public Optional<String> secret() {
        return secret;
    }

    /** Compares in constant time, so the secret cannot be guessed byte by byte from response times. */
    public boolean accepts(String presented) {
        return presented != null && secret
                .map(s -> MessageDigest.isEqual(s.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8)))
                .orElse(false);
    }
}
