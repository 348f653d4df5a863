package com.aegisspeed.anticheat.report;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface CheckLogRepository extends GenericRepository<CheckLog, Long> {

    /** Inserts; a user's second log with the same launch code fails on {@code uk_check_logs_user_launch_code}. */
    CheckLog save(CheckLog log);

    Optional<CheckLog> findByUserPublicIdAndLaunchCode(String userPublicId, String launchCode);

    Page<CheckLog> findByUserPublicId(String userPublicId, Pageable pageable);

    long countByUserPublicIdAndCheckResultIn(String userPublicId, Collection<String> checkResults);

    long countByUserPublicIdAndCheckResultInAndLaunchCodeIn(String userPublicId, Collection<String> checkResults,
                                                           Collection<String> launchCodes);

    Page<CheckLog> findByCheckResultIn(Collection<String> checkResults, Pageable pageable);

    Page<CheckLog> findByUserAegisSpeedIdAndCheckResultIn(String userAegisSpeedId, Collection<String> checkResults,
                                                          Pageable pageable);
}
