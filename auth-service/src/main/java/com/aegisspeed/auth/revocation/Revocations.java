package com.aegisspeed.auth.revocation;

import com.aegisspeed.common.token.TokenLifetime;
import com.aegisspeed.common.token.VerifiedToken;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Logout revokes one token; a password change or cheater ban revokes every token of the user issued so far. */
@Singleton
public class Revocations {

    private final RevocationRepository repository;
    private final Clock clock;

    public Revocations(RevocationRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public void revoke(VerifiedToken token) {
        repository.revokeToken(token.jti(), token.expiresAt().getEpochSecond());
    }

    /**
     * Every token of the user issued so far, including one {@link #issueTimeFor} dated a second ahead: the
     * cut-off never goes back, so each "revoke all" reaches every earlier token.
     */
    public void revokeAllOf(String subject) {
        long now = clock.instant().getEpochSecond();
        long before = Math.max(now, repository.latestRevokedBefore(subject).orElse(Long.MIN_VALUE) + 1);
        repository.revokeAllOf(subject, before, before + TokenLifetime.LIFETIME.toSeconds());
    }

    /**
     * The issue time for a new token of the user: now, or the second after the user's latest "revoke all",
     * so a token issued in the same second as a password change (revocations count whole seconds) is not
     * born revoked.
     */
    public Instant issueTimeFor(String subject) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        long earliest = repository.latestRevokedBefore(subject).orElse(Long.MIN_VALUE) + 1;
        return now.getEpochSecond() >= earliest ? now : Instant.ofEpochSecond(earliest);
    }
}
