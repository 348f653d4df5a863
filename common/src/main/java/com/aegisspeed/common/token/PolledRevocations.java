package com.aegisspeed.common.token;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Revocations as auth-service's feed lists them, polled every {@code aegis.jwt.revocation-poll-interval}, so a
 * logout or ban reaches every verifier within about a second without a call per request; where Redis is
 * configured, {@link RevocationChannel} brings each one at once, and a revocation this process was told of
 * ({@link #learn}) applies at once too. Polling and the subscription start with the first token checked (a
 * service that never sees one never calls auth-service), after a catch-up read on that first check. Until a poll
 * succeeds no token is accepted (revoked ones cannot be told apart), and a failed poll is retried at most once per
 * {@link #RETRY_WHILE_UNLOADED}; after that, an unreachable auth-service leaves the last known list in force.
 *
 * <p>Feed entries are numbered as auth-service inserts them, and two inserts may commit out of order: entry 11
 * may be readable before entry 10. So the feed is read again from the last number below which nothing is
 * missing; a number still missing after {@link #GAP_PATIENCE} (an insert rolled back, or rows cleaned up
 * before this verifier started) is given up. Revocations learnt otherwise are applied the same way and leave
 * the numbering alone: the feed brings them again later, which changes nothing.
 */
@Singleton
public class PolledRevocations implements RevocationCheck {

    private static final Logger LOG = LoggerFactory.getLogger(PolledRevocations.class);
    static final Duration GAP_PATIENCE = Duration.ofSeconds(10);
    private static final Duration RETRY_WHILE_UNLOADED = Duration.ofSeconds(1);

    private final RevocationFeedReader feedReader;
    private final RevocationChannel channel;
    private final Clock clock;
    /** Revoked token ids, with when they would have expired anyway (then they are forgotten). */
    private final Map<String, Instant> revokedTokens = new ConcurrentHashMap<>();
    /** Per user: every token issued at or before this second is revoked. */
    private final Map<String, Instant> revokedBefore = new ConcurrentHashMap<>();
    /** Every entry numbered up to this one has been applied (or given up); the feed is read from here. */
    private long appliedThrough;
    /** Entries applied beyond a missing number, which may yet commit. */
    private final NavigableSet<Long> beyondGap = new TreeSet<>();
    private Instant gapSeenAt;
    private volatile Instant lastFailure = Instant.EPOCH;
    private volatile boolean loaded;
    private volatile boolean inUse;
    private volatile boolean failing;

    public PolledRevocations(RevocationFeedReader feedReader, RevocationChannel channel, Clock clock) {
        this.feedReader = feedReader;
        this.channel = channel;
        this.clock = clock;
    }

    @Override
    public boolean isRevoked(VerifiedToken token) {
        if (!loaded) {
            inUse = true; // from now on the schedule keeps up; this first time, load before answering
            channel.subscribe(this::learn); // first, so nothing published during the load is missed
            loadOnce();
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

    /** Only until the first load: from then on every answer comes from memory. */
    @Override
    public boolean mayWait() {
        return !loaded;
    }

    /** Requests arriving while the first load runs wait for it; after a failure, one retry per interval. */
    private synchronized void loadOnce() {
        if (!loaded && lastFailure.plus(RETRY_WHILE_UNLOADED).isBefore(clock.instant())) {
            poll();
        }
    }

    @Scheduled(fixedDelay = "${aegis.jwt.revocation-poll-interval}")
    void pollWhileInUse() {
        if (inUse) {
            channel.subscribe(this::learn); // retried here while Redis could not be reached
            poll();
        }
    }

    synchronized void poll() {
        try {
            long cursor = appliedThrough;
            RevocationFeed feed;
            do { // a full page means more may follow
                feed = feedReader.read(cursor);
                for (RevocationFeed.Entry entry : feed.entries()) {
                    learn(entry.toRevocation());
                    account(entry.seq());
                }
                cursor = Math.max(cursor, feed.lastSeq());
            } while (feed.entries().size() >= RevocationFeed.PAGE_SIZE);
            giveUpOldGap();
            forgetExpired();
            loaded = true;
            if (failing) {
                LOG.info("Revocation feed reachable again");
                failing = false;
            }
        } catch (RuntimeException e) {
            lastFailure = clock.instant();
            if (!failing) {
                LOG.warn("Revocation feed unreachable ({}); {}", e.getMessage(),
                        loaded ? "keeping the last known revocations" : "refusing tokens until it answers");
                failing = true;
            }
        }
    }

    private void account(long sequence) {
        if (sequence <= appliedThrough) {
            return;
        }
        beyondGap.add(sequence);
        while (beyondGap.remove(appliedThrough + 1)) {
            appliedThrough++;
        }
        gapSeenAt = beyondGap.isEmpty() ? null : gapSeenAt == null ? clock.instant() : gapSeenAt;
    }

    private void giveUpOldGap() {
        if (gapSeenAt != null && gapSeenAt.plus(GAP_PATIENCE).isBefore(clock.instant())) {
            appliedThrough = beyondGap.first() - 1;
            while (beyondGap.remove(appliedThrough + 1)) {
                appliedThrough++;
            }
            gapSeenAt = beyondGap.isEmpty() ? null : clock.instant();
        }
    }

    @Override
    public void learn(Revocation revocation) {
        if (revocation.jti() != null) {
            revokedTokens.put(revocation.jti(), Instant.ofEpochSecond(revocation.expiresAt()));
        }
        if (revocation.subject() != null && revocation.revokedBefore() != null) {
            revokedBefore.merge(revocation.subject(), Instant.ofEpochSecond(revocation.revokedBefore()),
                    (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    private void forgetExpired() {
        Instant now = clock.instant();
        revokedTokens.values().removeIf(expiry -> expiry.isBefore(now));
        revokedBefore.values().removeIf(before -> before.plus(TokenLifetime.LIFETIME).isBefore(now));
    }
}
