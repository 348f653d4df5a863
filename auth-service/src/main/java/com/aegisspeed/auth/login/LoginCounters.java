package com.aegisspeed.auth.login;

import com.aegisspeed.auth.login.LoginFailureRepository.LoginFailure;
import com.aegisspeed.common.time.Utc;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The login-failure counters, in the database so every replica sees the same counts. A change reads its rows
 * {@code FOR UPDATE} in one transaction, always in the same order, so concurrent attempts on several replicas are
 * serialized per subject and never deadlock on each other.
 */
@Singleton
public class LoginCounters {

    /** One subject's counters. */
    public record Counter(int failures, Instant windowStartedAt, int lockouts, @Nullable Instant lockedUntil) {

        static Counter fresh(Instant now) {
            return new Counter(0, now, 0, null);
        }
    }

    /**
     * What a change does: the new counter of each subject it names (empty: delete the subject's counter), and what it
     * answers its caller.
     */
    public record Change<R>(Map<String, Optional<Counter>> counters, R result) {
    }

    private final LoginFailureRepository repository;

    public LoginCounters(LoginFailureRepository repository) {
        this.repository = repository;
    }

    /** The latest lock end among the subjects, if any has ever been locked (a plain read, no lock taken). */
    public Optional<Instant> latestLockEnd(Collection<String> subjects) {
        return Optional.ofNullable(repository.findMaxLockedUntilBySubjectIn(subjects)).map(Utc::instant);
    }

    /** Gives each subject a zero counter unless it has one, each committed on its own (see the repository). */
    public void createMissing(Collection<String> subjects, Instant now) {
        for (String subject : subjects) {
            repository.createIfMissing(subject, Utc.stored(now));
        }
    }

    /**
     * Locks the subjects' counters (a fresh one for a subject that has none) and writes what {@code change} makes of
     * them, in one transaction. A counter created meanwhile by a concurrent attempt, or a deadlock with one, fails it
     * (the caller tries again).
     */
    @Transactional
    public <R> R change(Collection<String> subjects, Instant now, Function<Map<String, Counter>, Change<R>> change) {
        Map<String, Counter> current = new LinkedHashMap<>();
        Map<String, Boolean> stored = new LinkedHashMap<>();
        for (String subject : new TreeSet<>(subjects)) {
            Optional<LoginFailure> row = repository.findLocked(subject);
            stored.put(subject, row.isPresent());
            current.put(subject, row.map(LoginCounters::counter).orElseGet(() -> Counter.fresh(now)));
        }
        Change<R> decided = change.apply(Map.copyOf(current));
        decided.counters().forEach((subject, counter) -> {
            boolean exists = stored.getOrDefault(subject, false);
            if (counter.isEmpty()) {
                if (exists) {
                    repository.deleteById(subject);
                }
            } else if (exists) {
                repository.update(row(subject, counter.get()));
            } else {
                repository.save(row(subject, counter.get()));
            }
        });
        return decided.result();
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
