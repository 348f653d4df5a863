package com.aegisspeed.common.token;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Revocations as auth-service's feed lists them, polled every {@code aegis.jwt.revocation-poll-interval}, so a
 * logout or ban reaches every verifier within about a second without a call per request. Polling starts with
 * the first token checked (a service that never sees one never calls auth-service), after a catch-up read on
 * that first check. Until a poll
 * succeeds no token is accepted (revoked ones cannot be told apart); after that, an unreachable auth-service
 * leaves the last known list in force.
 */
@Singleton
public class PolledRevocations implements RevocationCheck {

    private static final Logger LOG = LoggerFactory.getLogger(PolledRevocations.class);

    private final RevocationFeedReader feedReader;
    private final Clock clock;
    /** Revoked token ids, with when they would have expired anyway (then they are forgotten). */
    private final Map<String, Instant> revokedTokens = new ConcurrentHashMap<>();
    /** Per user: every token issued at or before this second is revoked. */
    private final Map<String, Instant> revokedBefore = new ConcurrentHashMap<>();
    private volatile long lastSequence;
    private volatile boolean loaded;
    private volatile boolean inUse;
    private volatile boolean failing;

    public PolledRevocations(RevocationFeedReader feedReader, Clock clock) {
        this.feedReader = feedReader;
        this.clock = clock;
    }

    @Override
    public boolean isRevoked(VerifiedToken token) {
        if (!inUse || !loaded) {
            inUse = true; // from now on the schedule keeps up; this first time, catch up before answering
            poll();
            if (!loaded) {
                throw new TokenCheckUnavailableException("revocations not loaded yet");
            }
        }
        if (revokedTokens.containsKey(token.jti())) {
            return true;
        }
        Instant before = revokedBefore.get(token.subject());
        return before != null && !token.issuedAt().isAfter(before);
    }

    @Scheduled(fixedDelay = "${aegis.jwt.revocation-poll-interval}")
    void pollWhileInUse() {
        if (inUse) {
            poll();
        }
    }

    synchronized void poll() {
        try {
            RevocationFeed feed;
            do { // a full page means more may follow
                feed = feedReader.read(lastSequence);
                feed.entries().forEach(this::apply);
                lastSequence = Math.max(lastSequence, feed.lastSeq());
            } while (feed.entries().size() >= RevocationFeed.PAGE_SIZE);
            forgetExpired();
            loaded = true;
            if (failing) {
                LOG.info("Revocation feed reachable again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warn("Revocation feed unreachable ({}); {}", e.getMessage(),
                        loaded ? "keeping the last known revocations" : "refusing tokens until it answers");
                failing = true;
            }
        }
    }

    private void apply(RevocationFeed.Entry entry) {
        if (entry.jti() != null) {
            revokedTokens.put(entry.jti(), Instant.ofEpochSecond(entry.expiresAt()));
        }
        if (entry.subject() != null && entry.revokedBefore() != null) {
            revokedBefore.merge(entry.subject(), Instant.ofEpochSecond(entry.revokedBefore()),
                    (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    private void forgetExpired() {
        Instant now = clock.instant();
        revokedTokens.values().removeIf(expiry -> expiry.isBefore(now));
        revokedBefore.values().removeIf(before -> before.plus(TokenLifetime.LIFETIME).isBefore(now));
    }
}
