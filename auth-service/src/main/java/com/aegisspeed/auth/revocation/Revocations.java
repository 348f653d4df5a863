package com.aegisspeed.auth.revocation;

import com.aegisspeed.common.token.Revocation;
import com.aegisspeed.common.token.RevocationChannel;
import com.aegisspeed.common.token.TokenLifetime;
import com.aegisspeed.common.token.VerifiedToken;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Logout revokes one token; a password change or cheater ban revokes every token of the user issued so far.
 * Each is stored (the feed verifiers poll) and then published on the Redis channel where there is one.
 */
@Singleton
public class Revocations {

    private final RevocationRepository repository;
    private final RevocationChannel channel;
    private final Clock clock;

    public Revocations(RevocationRepository repository, RevocationChannel channel, Clock clock) {
        this.repository = repository;
        this.channel = channel;
        this.clock = clock;
    }

    public Revocation revoke(VerifiedToken token) {
        Revocation revocation = Revocation.ofToken(token.jti(), token.expiresAt().getEpochSecond());
        repository.revokeToken(revocation.jti(), revocation.expiresAt());
        channel.publish(revocation);
        return revocation;
    }

    /**
     * Every token of the user issued so far, including one {@link #issueTimeFor} dated a second ahead: the
     * cut-off never goes back, so each "revoke all" reaches every earlier token.
     */
    public Revocation revokeAllOf(String subject) {
        long now = clock.instant().getEpochSecond();
        long before = Math.max(now, repository.latestRevokedBefore(subject).orElse(Long.MIN_VALUE) + 1);
        Revocation revocation = Revocation.ofUser(subject, before, before + TokenLifetime.LIFETIME.toSeconds());
        repository.revokeAllOf(subject, before, revocation.expiresAt());
        channel.publish(revocation);
        return revocation;
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
