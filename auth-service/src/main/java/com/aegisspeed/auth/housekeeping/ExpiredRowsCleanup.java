package com.aegisspeed.auth.housekeeping;

import com.aegisspeed.common.db.Database;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

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

    private final Database database;
    private final Clock clock;

    public ExpiredRowsCleanup(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${aegis.auth.cleanup-interval:1h}", initialDelay = "5m")
    public void deleteExpiredRows() {
        Instant now = clock.instant();
        LocalDateTime utcNow = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        LocalDateTime quietSince = LocalDateTime.ofInstant(now.minus(QUIET_COUNTER), ZoneOffset.UTC);
        try {
            database.withConnection(connection -> {
                try (PreparedStatement revocations = connection.prepareStatement("DELETE FROM revocations WHERE expires_at < ?");
                     PreparedStatement secrets = connection.prepareStatement("DELETE FROM admin_secrets WHERE expires_at < ?");
                     PreparedStatement counters = connection.prepareStatement("DELETE FROM login_failures "
                             + "WHERE window_started_at < ? AND (locked_until IS NULL OR locked_until < ?)")) {
                    revocations.setLong(1, now.getEpochSecond());
                    secrets.setObject(1, utcNow);
                    counters.setObject(1, quietSince);
                    counters.setObject(2, quietSince);
                    return revocations.executeUpdate() + secrets.executeUpdate() + counters.executeUpdate();
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("Cleanup of expired rows failed ({}); trying again at the next run", e.getMessage());
        }
    }
}
