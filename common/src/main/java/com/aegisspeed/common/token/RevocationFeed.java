package com.aegisspeed.common.token;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * One page of auth-service's revocation feed ({@code GET /internal/revocations?after=<seq>}), oldest first,
 * at most {@link #PAGE_SIZE} entries; {@code last_seq} is the sequence number of the last entry given (or
 * {@code after} when there is none).
 */
@Serdeable
public record RevocationFeed(List<Entry> entries, @JsonProperty("last_seq") long lastSeq) {

    public static final int PAGE_SIZE = 1000;

    /**
     * Revokes one token ({@code jti}) or every token of a user issued at or before {@code revoked_before}.
     *
     * @param expiresAt epoch second after which the entry no longer matters (the token's own expiry, or
     *                  {@code revoked_before} + 7 days)
     */
    @Serdeable
    public record Entry(
            long seq,
            @Nullable String jti,
            @Nullable String subject,
            @Nullable @JsonProperty("revoked_before") Long revokedBefore,
            @JsonProperty("expires_at") long expiresAt) {

        public Revocation toRevocation() {
            return new Revocation(jti, subject, revokedBefore, expiresAt);
        }
    }
}
