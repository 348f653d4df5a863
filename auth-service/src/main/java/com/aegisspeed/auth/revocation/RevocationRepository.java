package com.aegisspeed.auth.revocation;

import com.aegisspeed.common.db.Database;
import com.aegisspeed.common.token.RevocationFeed;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** The {@code revocations} table: the feed other services poll and the list auth-service checks directly. */
@Singleton
public class RevocationRepository {

    private final Database database;

    public RevocationRepository(Database database) {
        this.database = database;
    }

    /** Revokes one token until it would have expired anyway. */
    public void revokeToken(String jti, long expiresAtEpochSecond) {
        insert(jti, null, null, expiresAtEpochSecond);
    }

    /** Revokes every token of the user issued at or before {@code revokedBefore} (epoch second). */
    public void revokeAllOf(String subject, long revokedBefore, long expiresAtEpochSecond) {
        insert(null, subject, revokedBefore, expiresAtEpochSecond);
    }

    public boolean isRevoked(String jti, String subject, long issuedAtEpochSecond) {
        return database.withConnection(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM revocations WHERE jti = ? "
                    + "UNION ALL SELECT 1 FROM revocations WHERE subject = ? AND revoked_before >= ? LIMIT 1")) {
                query.setString(1, jti);
                query.setString(2, subject);
                query.setLong(3, issuedAtEpochSecond);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }

    /** The latest second before which all of the user's tokens are revoked, if any. */
    public OptionalLong latestRevokedBefore(String subject) {
        return database.withConnection(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT MAX(revoked_before) FROM revocations WHERE subject = ?")) {
                query.setString(1, subject);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    long value = row.getLong(1);
                    return row.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
                }
            }
        });
    }

    /** Up to {@link RevocationFeed#PAGE_SIZE} entries after {@code after}, oldest first. */
    public List<RevocationFeed.Entry> after(long after) {
        return database.withConnection(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT seq, jti, subject, revoked_before, "
                    + "expires_at FROM revocations WHERE seq > ? ORDER BY seq LIMIT " + RevocationFeed.PAGE_SIZE)) {
                query.setLong(1, after);
                List<RevocationFeed.Entry> entries = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        entries.add(new RevocationFeed.Entry(rows.getLong(1), rows.getString(2), rows.getString(3),
                                rows.getObject(4, Long.class), rows.getLong(5)));
                    }
                }
                return entries;
            }
        });
    }

    private void insert(@Nullable String jti, @Nullable String subject, @Nullable Long revokedBefore, long expiresAt) {
        database.withConnection(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO revocations (jti, subject, revoked_before, expires_at) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, jti);
                insert.setString(2, subject);
                if (revokedBefore == null) {
                    insert.setNull(3, Types.BIGINT);
                } else {
                    insert.setLong(3, revokedBefore);
                }
                insert.setLong(4, expiresAt);
                return insert.executeUpdate();
            }
        });
    }
}
