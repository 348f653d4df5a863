package com.aegisspeed.auth.login;

import com.aegisspeed.common.db.DuplicateKey;
import jakarta.inject.Singleton;
import java.sql.SQLException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Brute-force protection (docs/contract.md): after 5 failed logins for one account, or 20 from one client
 * address, within 15 minutes, further attempts are refused for 60 s, doubling with each further failure up
 * to 15 minutes. A counter starts over once 15 minutes have passed both since its first failure and since
 * its last lock ended; a successful login clears its account's counter (not the address's). Times are kept
 * in whole seconds, so every database keeps them exactly.
 */
@Singleton
public class LoginGuard {

    static final int ACCOUNT_LIMIT = 5;
    static final int ADDRESS_LIMIT = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration FIRST_WAIT = Duration.ofSeconds(60);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);

    /** Enough for the few first failures of one subject that can meet at once; more would be a fault. */
    private static final int ATTEMPTS = 5;
    private static final String DEADLOCK_STATE = "40001";

    private final LoginCounters counters;
    private final Clock clock;

    public LoginGuard(LoginCounters counters, Clock clock) {
        this.counters = counters;
        this.clock = clock;
    }

    /** How long the account or the address must still wait, if either is locked. */
    public Optional<Duration> waitBeforeAttempt(LoginSubjects subjects) {
        Instant now = clock.instant();
        return counters.latestLockEnd(subjects.all())
                .filter(now::isBefore)
                .map(end -> Duration.between(now, end));
    }

    public void failed(LoginSubjects subjects) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        subjects.account().ifPresent(account -> count(account, now, ACCOUNT_LIMIT));
        count(subjects.address(), now, ADDRESS_LIMIT);
    }

    public void succeeded(LoginSubjects subjects) {
        subjects.account().ifPresent(counters::delete);
    }

    /**
     * Counts one failure of the subject. A counter created by a concurrent first failure of the same subject, or a
     * deadlock with one (the locking read of a missing row locks its gap), ends the transaction; the next one
     * counts on that row.
     */
    private void count(String subject, Instant now, int limit) {
        for (int attempt = 1; ; attempt++) {
            try {
                counters.change(subject, now, counter -> next(counter, now, limit));
                return;
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !(DuplicateKey.isCauseOf(e) || isDeadlock(e))) {
                    throw e;
                }
            }
        }
    }

    /** SQLSTATE 40001: the database rolled the transaction back to break a deadlock (MariaDB, MySQL, H2). */
    private static boolean isDeadlock(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && DEADLOCK_STATE.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    static LoginCounters.Counter next(LoginCounters.Counter counter, Instant now, int limit) {
        boolean windowOver = !counter.windowStartedAt().plus(WINDOW).isAfter(now);
        boolean quietSinceLock = counter.lockedUntil() == null || !counter.lockedUntil().plus(WINDOW).isAfter(now);
        LoginCounters.Counter counting = windowOver && quietSinceLock
                ? new LoginCounters.Counter(1, now, 0, null)
                : new LoginCounters.Counter(counter.failures() + 1, counter.windowStartedAt(),
                        counter.lockouts(), counter.lockedUntil());
        if (counting.failures() < limit) {
            return counting;
        }
        int lockouts = counting.lockouts() + 1;
        return new LoginCounters.Counter(counting.failures(), counting.windowStartedAt(), lockouts,
                now.plus(waitAfter(lockouts)));
    }

    /** 60 s after the first lock, doubling, at most 15 minutes. */
    static Duration waitAfter(int lockouts) {
        long seconds = FIRST_WAIT.toSeconds() << Math.min(lockouts - 1, 10);
        return Duration.ofSeconds(Math.min(seconds, LONGEST_WAIT.toSeconds()));
    }

    /** The counted subjects of one attempt: the account (when the identifier is well-formed) and the client address. */
    public record LoginSubjects(Optional<String> account, String address) {

        public static LoginSubjects of(Optional<String> accountIdentifier, String clientAddress) {
            return new LoginSubjects(accountIdentifier.map(id -> "account:" + id), "address:" + clientAddress);
        }

        List<String> all() {
            return account.map(a -> List.of(a, address)).orElse(List.of(address));
        }
    }
}
