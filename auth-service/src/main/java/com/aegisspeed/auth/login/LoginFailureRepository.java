package com.aegisspeed.auth.login;

import com.aegisspeed.common.db.Database;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLIntegrityConstraintViolationException;
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

    /** Replaces the subject's counter with {@code change} applied to it (a fresh counter when it has none). */
    public void update(String subject, Instant now, UnaryOperator<Counter> change) {
        createIfMissing(subject, now);
        database.inTransaction(connection -> {
            Counter current;
            try (PreparedStatement query = connection.prepareStatement("SELECT failures, window_started_at, lockouts, "
                    + "locked_until FROM login_failures WHERE subject = ? FOR UPDATE")) {
                query.setString(1, subject);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    current = new Counter(row.getInt(1), instant(row.getObject(2, LocalDateTime.class)),
                            row.getInt(3), instant(row.getObject(4, LocalDateTime.class)));
                }
            }
            Counter next = change.apply(current);
            try (PreparedStatement update = connection.prepareStatement("UPDATE login_failures SET failures = ?, "
                    + "window_started_at = ?, lockouts = ?, locked_until = ? WHERE subject = ?")) {
                update.setInt(1, next.failures());
                update.setObject(2, dateTime(next.windowStartedAt()));
                update.setInt(3, next.lockouts());
                update.setObject(4, dateTime(next.lockedUntil()));
                update.setString(5, subject);
                return update.executeUpdate();
            }
        });
    }

    public void delete(String subject) {
        database.withConnection(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM login_failures WHERE subject = ?")) {
                delete.setString(1, subject);
                return delete.executeUpdate();
            }
        });
    }

    private void createIfMissing(String subject, Instant now) {
        database.withConnection(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO login_failures "
                    + "(subject, failures, window_started_at, lockouts, locked_until) VALUES (?, 0, ?, 0, NULL)")) {
                insert.setString(1, subject);
                insert.setObject(2, dateTime(now));
                return insert.executeUpdate();
            } catch (SQLIntegrityConstraintViolationException alreadyThere) {
                return 0;
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
