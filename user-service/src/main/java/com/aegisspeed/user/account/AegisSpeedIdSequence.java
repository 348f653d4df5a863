package com.aegisspeed.user.account;

import com.aegisspeed.common.db.Database;
import com.aegisspeed.common.identity.AegisSpeedIds;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Hands out AegisSpeed IDs ({@code ASD} + 6 digits) from the database's auto-increment, in a statement of
 * its own, so no two registrations (on any replica) ever get the same number and no number comes back.
 */
@Singleton
public class AegisSpeedIdSequence {

    private final Database database;
    private final Clock clock;

    public AegisSpeedIdSequence(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public String next() {
        long number = database.withConnection(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO aegisspeed_id_sequence (taken_at) VALUES (?)", Statement.RETURN_GENERATED_KEYS)) {
                insert.setObject(1, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        return AegisSpeedIds.of(number);
    }
}
