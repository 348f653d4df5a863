package com.aegisspeed.anticheat.retention;

import com.aegisspeed.common.time.Utc;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;

/**
 * Check logs grow with every game launch, so those older than {@code aegis.anticheat.check-log-retention-days}
 * ({@code 0}: keep all) are deleted, in small batches so that no statement holds its locks long while reports keep
 * arriving. Logs of users marked as cheaters stay while the mark does (they hold its evidence); the marks' own
 * history is never deleted. Replicas may run it at the same time; deleting twice is harmless.
 */
@Singleton
public class CheckLogRetention {

    private static final Logger LOG = LoggerFactory.getLogger(CheckLogRetention.class);

    private final CheckLogRetentionRepository repository;
    private final Clock clock;
    private final int retentionDays;
    private final int batchSize;
    private final Duration pauseBetweenBatches;

    public CheckLogRetention(CheckLogRetentionRepository repository, Clock clock,
                             @Value("${aegis.anticheat.check-log-retention-days:180}") int retentionDays,
                             @Value("${aegis.anticheat.retention-batch-size:500}") int batchSize,
                             @Value("${aegis.anticheat.retention-batch-pause:100ms}") Duration pauseBetweenBatches) {
        this.repository = repository;
        this.clock = clock;
        this.retentionDays = retentionDays;
        this.batchSize = batchSize;
        this.pauseBetweenBatches = pauseBetweenBatches;
    }

    @Scheduled(fixedDelay = "${aegis.anticheat.retention-interval:1h}", initialDelay = "10m")
    void deleteExpiredOnSchedule() {
        try {
            deleteExpired();
        } catch (RuntimeException e) {
            LOG.warn("Deleting expired check logs failed ({}); trying again at the next run", e.getMessage());
        }
    }

    /** Deletes every expired check log, batch by batch, and says how many. */
    public long deleteExpired() {
        if (retentionDays <= 0) {
            return 0;
        }
        LocalDateTime cutoff = Utc.now(clock).minusDays(retentionDays);
        long deleted = 0;
        int batch;
        do {
            batch = repository.deleteBatchReportedBefore(cutoff, batchSize);
            deleted += batch;
            if (batch == batchSize) {
                pause();
            }
        } while (batch == batchSize);
        if (deleted > 0) {
            LOG.info("Deleted {} check logs reported before {} (retention {} days)", deleted, cutoff, retentionDays);
        }
        return deleted;
    }

    private void pause() {
        try {
            Thread.sleep(pauseBetweenBatches.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while deleting expired check logs", e);
        }
    }
}
