package com.aegisspeed.auth.login;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Optional;

/** {@code login_failures}: one row per counted subject (account, account and address, or client address); times are UTC. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface LoginFailureRepository extends GenericRepository<LoginFailureRepository.LoginFailure, String> {

    @MappedEntity("login_failures")
    record LoginFailure(@Id String subject, int failures, LocalDateTime windowStartedAt, int lockouts,
                        @Nullable LocalDateTime lockedUntil) {
    }

    /**
     * Adds a zero counter for the subject unless it has one, committed at once: the locking read that follows then
     * locks an existing row, where a missing row's gap lock would let concurrent first attempts deadlock.
     */
    @Query("INSERT IGNORE INTO login_failures (subject, failures, window_started_at, lockouts) VALUES (:subject, 0, :utc, 0)")
    void createIfMissing(String subject, LocalDateTime utc);

    /** The subject's row, locked until the transaction ends; a missing row locks its gap. */
    @Query("SELECT * FROM login_failures WHERE subject = :subject FOR UPDATE")
    Optional<LoginFailure> findLocked(String subject);

    @Nullable
    LocalDateTime findMaxLockedUntilBySubjectIn(Collection<String> subjects);

    LoginFailure save(LoginFailure counter);

    LoginFailure update(LoginFailure counter);

    void deleteById(String subject);

    /** Deletes the counters whose window began before {@code utc} and that are not locked beyond it. */
    @Query("DELETE FROM login_failures WHERE window_started_at < :utc AND (locked_until IS NULL OR locked_until < :utc)")
    void deleteQuietSince(LocalDateTime utc);
}
