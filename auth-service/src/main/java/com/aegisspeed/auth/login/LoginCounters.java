package com.aegisspeed.auth.login;

import com.aegisspeed.auth.login.LoginFailureRepository.LoginFailure;
import com.aegisspeed.common.time.Utc;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The login-failure counters, in the database so every replica sees the same counts. A change reads its row
 * {@code FOR UPDATE} in one transaction, so concurrent failures on several replicas are all counted.
 */
@Singleton
public class LoginCounters {

    /** One subject's counters. */
    public record Counter(int failures, Instant windowStartedAt, int lockouts, @Nullable Instant lockedUntil) {
    }

    private final LoginFailureRepository repository;

    public LoginCounters(LoginFailureRepository repository) {
        this.repository = repository;
    }

    /** The latest lock end among the subjects, if any is locked at all. */
    public Optional<Instant> latestLockEnd(Collection<String> subjects) {
        return Optional.ofNullable(repository.findMaxLockedUntilBySubjectIn(subjects)).map(Utc::instant);
    }

    /**
     * Replaces the subject's counter with {@code change} applied to it (a fresh counter when it has none), in one
     * transaction. A counter created meanwhile by a concurrent first failure, or a deadlock with one, fails it
     * (the caller tries again).
     */
    @Transactional
    public void change(String subject, Instant now, UnaryOperator<Counter> change) {
        Optional<LoginFailure> current = repository.findLocked(subject);
        if (current.isEmpty()) {
            repository.save(row(subject, change.apply(new Counter(0, now, 0, null))));
        } else {
            repository.update(row(subject, change.apply(counter(current.get()))));
        }
    }

    public void delete(String subject) {
        repository.deleteById(subject);
    }

    private static Counter counter(LoginFailure row) {
        return new Counter(row.failures(), Utc.instant(row.windowStartedAt()), row.lockouts(),
                row.lockedUntil() == null ? null : Utc.instant(row.lockedUntil()));
    }

    private static LoginFailure row(String subject, Counter counter) {
        LocalDateTime lockedUntil = counter.lockedUntil() == null ? null : Utc.stored(counter.lockedUntil());
        return new LoginFailure(subject, counter.failures(), Utc.stored(counter.windowStartedAt()), counter.lockouts(),
                lockedUntil);
    }
}
