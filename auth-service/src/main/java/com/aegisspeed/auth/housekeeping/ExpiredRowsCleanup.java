package com.aegisspeed.auth.housekeeping;

import com.aegisspeed.auth.adminsecret.AdminSecretRepository;
import com.aegisspeed.auth.login.LoginFailureRepository;
import com.aegisspeed.auth.revocation.RevocationRepository;
import com.aegisspeed.common.time.Utc;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Deletes what can no longer matter, so the tables stay small: revocations of tokens that have expired anyway,
 * expired admin secrets, and login-failure counters quiet for longer than their 15-minute window. Replicas
 * may run it at the same time; deleting twice is harmless.
 */
@Singleton
public class ExpiredRowsCleanup {

    private static final Logger LOG = LoggerFactory.getLogger(ExpiredRowsCleanup.class);
    /** Longer than any lock (15 min) plus the window (15 min) after it. */
    private static final Duration QUIET_COUNTER = Duration.ofHours(1);

    private final RevocationRepository revocations;
    private final AdminSecretRepository secrets;
    private final LoginFailureRepository counters;
    private final Clock clock;

    public ExpiredRowsCleanup(RevocationRepository revocations, AdminSecretRepository secrets,
                              LoginFailureRepository counters, Clock clock) {
        this.revocations = revocations;
        this.secrets = secrets;
        this.counters = counters;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${aegis.auth.cleanup-interval:1h}", initialDelay = "5m")
    public void deleteExpiredRows() {
        Instant now = clock.instant();
        try {
            revocations.deleteByExpiresAtLessThan(now.getEpochSecond());
            secrets.deleteByExpiresAtLessThan(Utc.stored(now));
            counters.deleteQuietSince(Utc.stored(now.minus(QUIET_COUNTER)));
        } catch (RuntimeException e) {
            LOG.warn("Cleanup of expired rows failed ({}); trying again at the next run", e.getMessage());
        }
    }
}
