package com.aegisspeed.anticheat.retention;

import com.aegisspeed.anticheat.report.CheckLog;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.LocalDateTime;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface CheckLogRetentionRepository extends GenericRepository<CheckLog, Long> {

    /**
     * Deletes at most {@code batch} check logs reported before {@code cutoff}, none of a user currently marked as a
     * cheater (a mark's evidence is kept as long as the mark), and says how many it deleted.
     */
    @Query("DELETE FROM check_logs WHERE reported_at < :cutoff"
            + " AND user_public_id NOT IN (SELECT user_public_id FROM cheater_marks) LIMIT :batch")
    int deleteBatchReportedBefore(LocalDateTime cutoff, int batch);
}
