package com.aegisspeed.auth.revocation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * One row of the revocation feed: one token ({@code jti}), or every token of {@code subject} issued at or before
 * {@code revokedBefore} (epoch second). {@code expiresAt} (epoch second) is when it stops mattering.
 */
@MappedEntity("revocations")
public record Revocation(
        @Id @GeneratedValue @Nullable Long seq,
        @Nullable String jti,
        @Nullable String subject,
        @Nullable Long revokedBefore,
        long expiresAt) {
}
