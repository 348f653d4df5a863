package com.aegisspeed.gateway.flags;

import com.aegisspeed.common.db.Database;
import com.aegisspeed.common.db.DatabaseException;
import com.aegisspeed.common.db.DuplicateKey;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway's tables {@code endpoint_flags} and {@code endpoint_flag_changes}. Plain JDBC through
 * {@link Database}: a change locks its row, updates it and writes its audit row in one transaction. Times are
 * UTC. Every method throws {@link DatabaseException} when the database fails.
 */
@Singleton
public class EndpointFlagRepository {

    private final Database database;

    public EndpointFlagRepository(Database database) {
        this.database = database;
    }

    /** A flag row: one endpoint's state and when it last changed. */
    public record FlagRow(String endpointPath, String serviceName, boolean open, Instant updatedAt) {
    }

    /** One audit row: who (AegisSpeed ID) changed which endpoint from what to what, and when. */
    public record ChangeRow(long id, String endpointPath, boolean wasOpen, boolean isOpen, String changedBy,
                            Instant changedAt) {
    }

    /** One endpoint before and after a change. */
    public record Outcome(String endpointPath, boolean wasOpen, boolean isOpen) {
        boolean changed() {
            return wasOpen != isOpen;
        }
    }

    public Map<String, Boolean> openStates() {
        return database.withConnection(connection -> {
            Map<String, Boolean> states = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT endpoint_path, is_open FROM endpoint_flags");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    states.put(rows.getString(1), rows.getBoolean(2));
                }
            }
            return states;
        });
    }

    public List<FlagRow> all() {
        return database.withConnection(connection -> {
            List<FlagRow> flags = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT endpoint_path, service_name, is_open, updated_at FROM endpoint_flags ORDER BY endpoint_path");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    flags.add(new FlagRow(rows.getString(1), rows.getString(2), rows.getBoolean(3), instant(rows, 4)));
                }
            }
            return flags;
        });
    }

    /** Adds the row if the endpoint has none yet; another gateway adding it at the same moment is fine. */
    public void insertIfMissing(String endpointPath, String serviceName, boolean open, Instant now) {
        try {
            database.withConnection(connection -> {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO endpoint_flags (endpoint_path, service_name, is_open, updated_at) VALUES (?, ?, ?, ?)")) {
                    insert.setString(1, endpointPath);
                    insert.setString(2, serviceName);
                    insert.setBoolean(3, open);
                    insert.setObject(4, utc(now));
                    return insert.executeUpdate();
                }
            });
        } catch (DatabaseException e) {
            if (!DuplicateKey.isCauseOf(e)) {
                throw e;
            }
            // seeded by another replica, or by an earlier start
        }
    }

    /**
     * Sets the endpoints to {@code open} in one transaction, writing an audit row for each one whose state
     * actually changes. Paths without a row are skipped.
     */
    public List<Outcome> setOpen(List<String> endpointPaths, boolean open, String changedBy, Instant now) {
        return database.inTransaction(connection -> {
            List<Outcome> outcomes = new ArrayList<>();
            for (String path : endpointPaths) {
                Optional<Boolean> was = lockedState(connection, path);
                if (was.isEmpty()) {
                    continue;
                }
                Outcome outcome = new Outcome(path, was.get(), open);
                if (outcome.changed()) {
                    update(connection, path, open, now);
                    audit(connection, outcome, changedBy, now);
                }
                outcomes.add(outcome);
            }
            return outcomes;
        });
    }

    /** Newest first; {@code endpointPath} {@code null} means every endpoint. */
    public List<ChangeRow> changes(String endpointPath, int limit) {
        String sql = "SELECT id, endpoint_path, was_open, is_open, changed_by, changed_at FROM endpoint_flag_changes"
                + (endpointPath == null ? "" : " WHERE endpoint_path = ?") + " ORDER BY id DESC LIMIT ?";
        return database.withConnection(connection -> {
            List<ChangeRow> changes = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                int index = 1;
                if (endpointPath != null) {
                    select.setString(index++, endpointPath);
                }
                select.setInt(index, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        changes.add(new ChangeRow(rows.getLong(1), rows.getString(2), rows.getBoolean(3),
                                rows.getBoolean(4), rows.getString(5), instant(rows, 6)));
                    }
                }
            }
            return changes;
        });
    }

    private static Optional<Boolean> lockedState(Connection connection, String path) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT is_open FROM endpoint_flags WHERE endpoint_path = ? FOR UPDATE")) {
            select.setString(1, path);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getBoolean(1)) : Optional.empty();
            }
        }
    }

    private static void update(Connection connection, String path, boolean open, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE endpoint_flags SET is_open = ?, updated_at = ? WHERE endpoint_path = ?")) {
            update.setBoolean(1, open);
            update.setObject(2, utc(now));
            update.setString(3, path);
            update.executeUpdate();
        }
    }

    private static void audit(Connection connection, Outcome outcome, String changedBy, Instant now)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO endpoint_flag_changes (endpoint_path, was_open, is_open, changed_by, changed_at)"
                        + " VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, outcome.endpointPath());
            insert.setBoolean(2, outcome.wasOpen());
            insert.setBoolean(3, outcome.isOpen());
            insert.setString(4, changedBy);
            insert.setObject(5, utc(now));
            insert.executeUpdate();
        }
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        return rows.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
    }
}
