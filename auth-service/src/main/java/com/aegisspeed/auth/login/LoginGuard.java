package com.aegisspeed.auth.login;

import jakarta.inject.Singleton;

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

    private final LoginFailureRepository repository;
    private final Clock clock;

    public LoginGuard(LoginFailureRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** How long the account or the address must still wait, if either is locked. */
    public Optional<Duration> waitBeforeAttempt(LoginSubjects subjects) {
        Instant now = clock.instant();
        return repository.latestLockEnd(subjects.all())
                .filter(now::isBefore)
                .map(end -> Duration.between(now, end));
    }

    public void failed(LoginSubjects subjects) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        subjects.account().ifPresent(account -> repository.update(account, now, counter -> next(counter, now, ACCOUNT_LIMIT)));
        repository.update(subjects.address(), now, counter -> next(counter, now, ADDRESS_LIMIT));
    }

    public void succeeded(LoginSubjects subjects) {
        subjects.account().ifPresent(repository::delete);
    }

    static LoginFailureRepository.Counter next(LoginFailureRepository.Counter counter, Instant now, int limit) {
        boolean windowOver = !counter.windowStartedAt().plus(WINDOW).isAfter(now);
        boolean quietSinceLock = counter.lockedUntil() == null || !counter.lockedUntil().plus(WINDOW).isAfter(now);
        LoginFailureRepository.Counter counting = windowOver && quietSinceLock
                ? new LoginFailureRepository.Counter(1, now, 0, null)
                : new LoginFailureRepository.Counter(counter.failures() + 1, counter.windowStartedAt(),
                        counter.lockouts(), counter.lockedUntil());
        if (counting.failures() < limit) {
            return counting;
        }
        int lockouts = counting.lockouts() + 1;
        return new LoginFailureRepository.Counter(counting.failures(), counting.windowStartedAt(), lockouts,
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
