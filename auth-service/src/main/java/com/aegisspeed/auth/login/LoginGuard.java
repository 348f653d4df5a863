package com.aegisspeed.auth.login;

import com.aegisspeed.auth.login.LoginCounters.Change;
import com.aegisspeed.auth.login.LoginCounters.Counter;
import com.aegisspeed.common.db.DuplicateKey;
import jakarta.inject.Singleton;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Brute-force protection (docs/contract.md, docs/security.md). Each password check draws on budgets ({@link LoginSubjects}):
 * an account's 5 failures, a client address's 20, within 15 minutes; once a budget is spent, attempts are refused for
 * 60 s, doubling with each further failure up to 15 minutes. A counter starts over once 15 minutes have passed both
 * since its first failure and since its last lock ended. Times are kept in whole seconds, so every database keeps
 * them exactly.
 *
 * <p>An attempt is counted as a failure when it is reserved, atomically and before its password is checked: however
 * many arrive together, on however many replicas, no more passwords are checked than the budgets allow. A check that
 * turns out right gives its reservation back ({@link #succeeded}: an account's counter is cleared, an address's
 * count returned), one that could not be made at all as well ({@link #undecided}).
 */
@Singleton
public class LoginGuard {

    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration FIRST_WAIT = Duration.ofSeconds(60);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);

    /** Enough for the few attempts that can meet a deleted counter at once; more would be a fault. */
    private static final int ATTEMPTS = 5;
    private static final String DEADLOCK_STATE = "40001";

    private final LoginCounters counters;
    private final Clock clock;

    public LoginGuard(LoginCounters counters, Clock clock) {
        this.counters = counters;
        this.clock = clock;
    }

    /**
     * A reserved attempt, or why there is none: how long to wait. {@code before} and {@code after} are the counters
     * the reservation found and wrote, so giving it back can restore exactly what was there.
     */
    public record Reservation(LoginSubjects subjects, Optional<Duration> refusedFor, Map<String, Counter> before,
                              Map<String, Counter> after) {

        public boolean admitted() {
            return refusedFor.isEmpty();
        }
    }

    /**
     * Counts the attempt as a failure on every budget, unless one of them is locked: then nothing is counted and the
     * reservation says how long the longest lock still lasts.
     */
    public Reservation reserve(LoginSubjects subjects) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        // A refusal writes nothing: a lock already in force is found without creating any counter.
        Optional<Instant> locked = counters.latestLockEnd(subjects.keys()).filter(now::isBefore);
        if (locked.isPresent()) {
            return new Reservation(subjects, Optional.of(Duration.between(now, locked.get())), Map.of(), Map.of());
        }
        counters.createMissing(subjects.keys(), now);
        return retried(() -> counters.<Reservation>change(subjects.keys(), now, current -> {
            Optional<Duration> wait = Optional.empty();
            for (Budget budget : subjects.budgets()) {
                Instant end = current.get(budget.subject()).lockedUntil();
                if (end != null && now.isBefore(end) && wait.map(w -> Duration.between(now, end).compareTo(w) > 0).orElse(true)) {
                    wait = Optional.of(Duration.between(now, end));
                }
            }
            if (wait.isPresent()) {
                return new Change<>(Map.of(), new Reservation(subjects, wait, Map.of(), Map.of()));
            }
            Map<String, Optional<Counter>> counted = new LinkedHashMap<>();
            Map<String, Counter> after = new LinkedHashMap<>();
            for (Budget budget : subjects.budgets()) {
                Counter next = next(current.get(budget.subject()), now, budget.limit());
                counted.put(budget.subject(), Optional.of(next));
                after.put(budget.subject(), next);
            }
            return new Change<>(counted, new Reservation(subjects, Optional.empty(), Map.copyOf(current), Map.copyOf(after)));
        }));
    }

    /** The password was right: accounts' counters are cleared, the address gets its reservation back. */
    public void succeeded(Reservation reservation) {
        release(reservation, budget -> budget.clearedBySuccess());
    }

    /** The password could not be checked (e.g. user-service unreachable): every budget gets its reservation back. */
    public void undecided(Reservation reservation) {
        release(reservation, budget -> false);
    }

    private void release(Reservation reservation, Function<Budget, Boolean> clears) {
        if (!reservation.admitted()) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        LoginSubjects subjects = reservation.subjects();
        retried(() -> counters.<Void>change(subjects.keys(), now, current -> {
            Map<String, Optional<Counter>> released = new LinkedHashMap<>();
            for (Budget budget : subjects.budgets()) {
                released.put(budget.subject(), clears.apply(budget) ? Optional.empty()
                        : returned(current.get(budget.subject()), reservation.before().get(budget.subject()),
                                reservation.after().get(budget.subject())));
            }
            return new Change<Void>(released, null);
        }));
    }

    /**
     * The counter as it was before the reservation when nobody changed it since; otherwise one failure fewer, and the
     * lock the reservation set (if it set one) lifted. Nothing left: no counter.
     */
    private static Optional<Counter> returned(Counter counter, Counter before, Counter after) {
        Counter restored;
        if (counter.equals(after)) {
            restored = before;
        } else {
            boolean lockedByReservation = after.lockedUntil() != null && !after.lockedUntil().equals(before.lockedUntil())
                    && after.lockedUntil().equals(counter.lockedUntil());
            restored = new Counter(Math.max(0, counter.failures() - 1), counter.windowStartedAt(),
                    lockedByReservation ? Math.max(0, counter.lockouts() - 1) : counter.lockouts(),
                    lockedByReservation ? before.lockedUntil() : counter.lockedUntil());
        }
        if (restored.failures() == 0 && restored.lockouts() == 0 && restored.lockedUntil() == null) {
            return Optional.empty();
        }
        return Optional.of(restored);
    }

    /**
     * A counter deleted meanwhile (a success or the cleanup, on any replica) and created again by a concurrent attempt,
     * or a deadlock with one, ends the transaction; the next one counts on that row.
     */
    private <T> T retried(Supplier<T> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                return change.get();
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

    static Counter next(Counter counter, Instant now, int limit) {
        boolean windowOver = !counter.windowStartedAt().plus(WINDOW).isAfter(now);
        boolean quietSinceLock = counter.lockedUntil() == null || !counter.lockedUntil().plus(WINDOW).isAfter(now);
        Counter counting = windowOver && quietSinceLock
                ? new Counter(1, now, 0, null)
                : new Counter(counter.failures() + 1, counter.windowStartedAt(), counter.lockouts(), counter.lockedUntil());
        if (counting.failures() < limit) {
            return counting;
        }
        int lockouts = counting.lockouts() + 1;
        return new Counter(counting.failures(), counting.windowStartedAt(), lockouts, now.plus(waitAfter(lockouts)));
    }

    /** 60 s after the first lock, doubling, at most 15 minutes. */
    static Duration waitAfter(int lockouts) {
        long seconds = FIRST_WAIT.toSeconds() << Math.min(lockouts - 1, 10);
        return Duration.ofSeconds(Math.min(seconds, LONGEST_WAIT.toSeconds()));
    }

    /**
     * One budget of failures: its counter's key, how many failures lock it, and whether a right password clears it
     * (an account's) or only gives its own reservation back (an address's: others may be guessing from there).
     */
    public record Budget(String subject, int limit, boolean clearedBySuccess) {
    }

    /** The budgets one attempt draws on. */
    public record LoginSubjects(List<Budget> budgets) {

        static final int ACCOUNT_LIMIT = 5;
        static final int ADDRESS_LIMIT = 20;
        /**
         * An admin account's failures from every address together: far above one address's budget, so no single
         * stranger can lock an admin out, yet guessing from many addresses stays bounded (docs/security.md).
         */
        static final int ADMIN_ACCOUNT_LIMIT = 50;

        /**
         * A password check of the account with this ID number from this client address. An ordinary account has one
         * budget wherever its attempts come from; an admin account's lock is per address, with a wider budget for
         * all addresses together, so anonymous guesses cannot deny the admin.
         */
        public static LoginSubjects forAccount(String idNumber, boolean admin, String clientAddress) {
            Budget address = address(clientAddress);
            if (!admin) {
                return new LoginSubjects(List.of(new Budget("account:" + idNumber, ACCOUNT_LIMIT, true), address));
            }
            return new LoginSubjects(List.of(
                    new Budget("account:" + idNumber + "@" + clientAddress, ACCOUNT_LIMIT, true),
                    new Budget("account:" + idNumber, ADMIN_ACCOUNT_LIMIT, true),
                    address));
        }

        /** An identifier no account has: counted on the identifier as given (it may exist later) and the address. */
        public static LoginSubjects forUnknown(String identifier, String clientAddress) {
            return new LoginSubjects(List.of(new Budget("account:" + identifier, ACCOUNT_LIMIT, true), address(clientAddress)));
        }

        /** An attempt that cannot name any account (malformed identifier): the address alone. */
        public static LoginSubjects forAddress(String clientAddress) {
            return new LoginSubjects(List.of(address(clientAddress)));
        }

        /**
         * An admin re-entering the password for the dynamic secret: it needs a valid admin token, so it is counted on
         * the account apart from anonymous logins, which cannot spend it.
         */
        public static LoginSubjects forSecretReentry(String publicId) {
            return new LoginSubjects(List.of(new Budget("secret:" + publicId, ACCOUNT_LIMIT, true)));
        }

        private static Budget address(String clientAddress) {
            return new Budget("address:" + clientAddress, ADDRESS_LIMIT, false);
        }

        List<String> keys() {
            return budgets.stream().map(Budget::subject).collect(Collectors.toList());
        }
    }
}
