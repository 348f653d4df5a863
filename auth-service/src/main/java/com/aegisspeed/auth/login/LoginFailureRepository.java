package com.aegisspeed.auth.login;

import com.aegisspeed.common.db.Database;
import com.aegisspeed.common.db.DuplicateKey;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * {@code login_failures}: one row per counted subject (account or client address), in the database so every
 * replica sees the same counts. A change reads the row {@code FOR UPDATE}, so concurrent failures on
 * several replicas are all counted.
 */
@Singleton
public class LoginFailureRepository {

    /** One subject's counters. */
    public record Counter(int failures, Instant windowStartedAt, int lockouts, @Nullable Instant lockedUntil) {
    }

    /** Enough for the few first failures of one subject that can meet at once; more would be a fault. */
    private static final int ATTEMPTS = 5;
    private static final String DEADLOCK_STATE = "40001";

    private final Database database;

    public LoginFailureRepository(Database database) {
        this.database = database;
    }

    /** The latest lock end among the subjects, if any is locked at all. */
    public Optional<Instant> latestLockEnd(Collection<String> subjects) {
        String marks = String.join(", ", subjects.stream().map(s -> "?").toList());
        return database.withConnection(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT MAX(locked_until) FROM login_failures WHERE subject IN (" + marks + ")")) {
                int i = 1;
                for (String subject : subjects) {
                    query.setString(i++, subject);
                }
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    return Optional.ofNullable(row.getObject(1, LocalDateTime.class)).map(t -> t.toInstant(ZoneOffset.UTC));
                }
            }
        });
    }

    /**
     * Replaces the subject's counter with {@code change} applied to it (a fresh counter when it has none), in one
     * transaction. A counter created by a concurrent first failure of the same subject, or a deadlock with one
     * (the locking read of a missing row locks its gap), ends the transaction; the next one counts on that row.
     */
    public void update(String subject, Instant now, UnaryOperator<Counter> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                database.inTransaction(connection -> {
                    Optional<Counter> current = lockedCounter(connection, subject);
                    if (current.isEmpty()) {
                        return insert(connection, subject, change.apply(new Counter(0, now, 0, null)));
                    }
                    return replace(connection, subject, change.apply(current.get()));
                });
                return;
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !(DuplicateKey.isCauseOf(e) || isDeadlock(e))) {
                    throw e;
                }
            }
        }
    }

    private static Optional<Counter> lockedCounter(Connection connection, String subject) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT failures, window_started_at, lockouts, "
                + "locked_until FROM login_failures WHERE subject = ? FOR UPDATE")) {
            query.setString(1, subject);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Counter(row.getInt(1), instant(row.getObject(2, LocalDateTime.class)),
                        row.getInt(3), instant(row.getObject(4, LocalDateTime.class))));
            }
        }
    }

    private static int insert(Connection connection, String subject, Counter counter) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO login_failures "
                + "(failures, window_started_at, lockouts, locked_until, subject) VALUES (?, ?, ?, ?, ?)")) {
            return execute(insert, subject, counter);
        }
    }

    private static int replace(Connection connection, String subject, Counter counter) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE login_failures SET failures = ?, "
                + "window_started_at = ?, lockouts = ?, locked_until = ? WHERE subject = ?")) {
            return execute(update, subject, counter);
        }
    }

    private static int execute(PreparedStatement write, String subject, Counter counter) throws SQLException {
        write.setInt(1, counter.failures());
        write.setObject(2, dateTime(counter.windowStartedAt()));
        write.setInt(3, counter.lockouts());
        write.setObject(4, dateTime(counter.lockedUntil()));
        write.setString(5, subject);
        return write.executeUpdate();
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

    public void delete(String subject) {
        database.withConnection(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM login_failures WHERE subject = ?")) {
                delete.setString(1, subject);
                return delete.executeUpdate();
            }
        });
    }

    @Nullable
    private static Instant instant(@Nullable LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    @Nullable
    private static LocalDateTime dateTime(@Nullable Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
