package com.aegisspeed.user.account;

import com.aegisspeed.common.db.Database;
import com.aegisspeed.common.identity.Role;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** The {@code users} table. Uniqueness is left to the database's unique keys ({@link UniqueKey}). */
@Singleton
public class UserAccountRepository {

    private static final String COLUMNS =
            "public_id, id_number, aegisspeed_id, user_name, phone_number, email, password_hash, user_role, user_state";

    private final Database database;
    private final Clock clock;

    public UserAccountRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Inserts the user; throws {@link DuplicateUserException} naming the unique key another user holds. */
    public void insert(UserAccount user) {
        database.withConnection(connection -> {
            LocalDateTime now = now();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO users (" + COLUMNS
                    + ", created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, user.publicId());
                insert.setString(2, user.idNumber());
                insert.setString(3, user.aegisSpeedId());
                insert.setString(4, user.userName());
                insert.setString(5, user.phoneNumber());
                insert.setString(6, user.email());
                insert.setString(7, user.passwordHash());
                insert.setString(8, user.role().name());
                insert.setString(9, user.state().value());
                insert.setObject(10, now);
                insert.setObject(11, now);
                return insert.executeUpdate();
            } catch (SQLException e) {
                throw DuplicateUserException.orDatabaseFault(e);
            }
        });
    }

    /**
     * Which of the values another user already holds (ID number first, then phone number, then e-mail), compared
     * as the unique keys compare them. Lets a duplicate be refused before any work is spent on it; the unique keys
     * still settle registrations that race past this check.
     */
    public Optional<UniqueKey> findTakenKey(String idNumber, String phoneNumber, String email) {
        return database.withConnection(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT id_number = ?, phone_number = ?, email = ? "
                    + "FROM users WHERE id_number = ? OR phone_number = ? OR email = ?")) {
                for (int offset : new int[] {0, 3}) {
                    query.setString(offset + 1, idNumber);
                    query.setString(offset + 2, phoneNumber);
                    query.setString(offset + 3, email);
                }
                boolean idNumberTaken = false;
                boolean phoneNumberTaken = false;
                boolean emailTaken = false;
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        idNumberTaken |= rows.getBoolean(1);
                        phoneNumberTaken |= rows.getBoolean(2);
                        emailTaken |= rows.getBoolean(3);
                    }
                }
                if (idNumberTaken) {
                    return Optional.of(UniqueKey.ID_NUMBER);
                }
                if (phoneNumberTaken) {
                    return Optional.of(UniqueKey.PHONE_NUMBER);
                }
                return emailTaken ? Optional.of(UniqueKey.EMAIL) : Optional.<UniqueKey>empty();
            }
        });
    }

    public Optional<UserAccount> findByPublicId(String publicId) {
        return findOne("public_id", publicId);
    }

    public Optional<UserAccount> findByIdNumber(String idNumber) {
        return findOne("id_number", idNumber);
    }

    public Optional<UserAccount> findByAegisSpeedId(String aegisSpeedId) {
        return findOne("aegisspeed_id", aegisSpeedId);
    }

    public boolean existsWithRole(Role role) {
        return database.withConnection(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT 1 FROM users WHERE user_role = ? LIMIT 1")) {
                query.setString(1, role.name());
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }

    /** Sets the state; empty when no such user. */
    public Optional<UserAccount> updateState(String publicId, UserState state) {
        return database.inTransaction(connection -> {
            if (update(connection, "user_state", state.value(), publicId) == 0) {
                return Optional.empty();
            }
            return findOne(connection, "public_id", publicId);
        });
    }

    /** Sets the phone number; throws {@link DuplicateUserException} when another user has it. */
    public boolean updatePhoneNumber(String publicId, String phoneNumber) {
        return database.withConnection(connection -> update(connection, "phone_number", phoneNumber, publicId) == 1);
    }

    /**
     * Sets the password hash and runs {@code beforeCommit} inside the same transaction: when it throws,
     * the new hash is rolled back, so the change and what must accompany it happen together or not at all.
     */
    public boolean updatePasswordHash(String publicId, String passwordHash, Runnable beforeCommit) {
        return database.inTransaction(connection -> {
            if (update(connection, "password_hash", passwordHash, publicId) == 0) {
                return false;
            }
            beforeCommit.run();
            return true;
        });
    }

    private int update(Connection connection, String column, String value, String publicId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE users SET " + column + " = ?, updated_at = ? WHERE public_id = ?")) {
            update.setString(1, value);
            update.setObject(2, now());
            update.setString(3, publicId);
            return update.executeUpdate();
        } catch (SQLException e) {
            throw DuplicateUserException.orDatabaseFault(e);
        }
    }

    private Optional<UserAccount> findOne(String column, String value) {
        return database.withConnection(connection -> findOne(connection, column, value));
    }

    private static Optional<UserAccount> findOne(Connection connection, String column, String value) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM users WHERE " + column + " = ?")) {
            query.setString(1, value);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new UserAccount(row.getString(1), row.getString(2), row.getString(3),
                        row.getString(4), row.getString(5), row.getString(6), row.getString(7),
                        Role.valueOf(row.getString(8)), UserState.fromValue(row.getString(9)).orElseThrow()));
            }
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
