package com.aegisspeed.common.token;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One acknowledged revocation: a single token ({@code jti}), or every token of a user ({@code subject}) issued at
 * or before {@code revoked_before} (epoch second); {@code expires_at} is the epoch second after which it no longer
 * matters. It travels as JSON in internal answers and as {@link #encode() text} in the {@link #HEADER} response
 * header and on the Redis channel.
 */
@Serdeable
public record Revocation(@Nullable String jti,
                         @Nullable String subject,
                         @Nullable @JsonProperty("revoked_before") Long revokedBefore,
                         @JsonProperty("expires_at") long expiresAt) {

    /**
     * The response header in which the service that acknowledged a revocation names it, for the gateway that
     * forwarded the request; the gateway applies it and never passes it on.
     */
    public static final String HEADER = "X-Aegis-Revoked";
    /** Token ids and user ids are UUIDs; anything far from that is not a revocation this suite wrote. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final int MAX_TEXT = 512;

    public static Revocation ofToken(String jti, long expiresAt) {
        return new Revocation(jti, null, null, expiresAt);
    }

    public static Revocation ofUser(String subject, long revokedBefore, long expiresAt) {
        return new Revocation(null, subject, revokedBefore, expiresAt);
    }

    /** {@code jti=<id>;expires_at=<s>} or {@code subject=<id>;revoked_before=<s>;expires_at=<s>}. */
    public String encode() {
        return jti != null
                ? "jti=" + jti + ";expires_at=" + expiresAt
                : "subject=" + subject + ";revoked_before=" + revokedBefore + ";expires_at=" + expiresAt;
    }

    /** The revocation {@link #encode()} wrote, or empty for anything else. */
    public static Optional<Revocation> decode(@Nullable String text) {
        if (text == null || text.length() > MAX_TEXT) {
            return Optional.empty();
        }
        Map<String, String> fields = new HashMap<>();
        for (String part : text.trim().split(";")) {
            int equals = part.indexOf('=');
            if (equals <= 0 || fields.put(part.substring(0, equals).trim(), part.substring(equals + 1).trim()) != null) {
                return Optional.empty();
            }
        }
        try {
            long expiresAt = Long.parseLong(fields.getOrDefault("expires_at", ""));
            String jti = fields.get("jti");
            String subject = fields.get("subject");
            if (jti != null && subject == null && fields.size() == 2 && ID.matcher(jti).matches()) {
                return Optional.of(ofToken(jti, expiresAt));
            }
            if (subject != null && jti == null && fields.size() == 3 && ID.matcher(subject).matches()) {
                return Optional.of(ofUser(subject, Long.parseLong(fields.getOrDefault("revoked_before", "")), expiresAt));
            }
        } catch (NumberFormatException e) {
            // not a revocation
        }
        return Optional.empty();
    }
}
