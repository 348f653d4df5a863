package com.aegisspeed.anticheat;

import com.aegisspeed.anticheat.retention.CheckLogRetention;
import com.aegisspeed.testsupport.RunningService;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Check-log retention on MariaDB: logs reported before the retention are deleted in batches, newer ones stay, and a
 * marked cheater's old logs stay while the mark does.
 */
class CheckLogRetentionTest {

    @Test
    void logsOlderThanTheRetentionAreDeletedInBatchesExceptAMarkedCheatersAndNewerOnes() throws SQLException {
        try (RunningService service = RunningService.onFreshSchema(Map.of(
                "aegis.anticheat.check-log-retention-days", 30,
                "aegis.anticheat.retention-batch-size", 4,
                "aegis.anticheat.retention-batch-pause", "1ms"))) {
            DataSource dataSource = DelegatingDataSource.unwrapDataSource(service.context().getBean(DataSource.class));
            LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).withNano(0);
            String player = UUID.randomUUID().toString();
            String cheater = UUID.randomUUID().toString();
            Set<String> kept = new HashSet<>();
            for (int i = 0; i < 10; i++) {
                insertLog(dataSource, player, "old-" + i, now.minusDays(31).minusHours(i));
            }
            kept.add(insertLog(dataSource, player, "just-inside", now.minusDays(29).minusHours(23)));
            kept.add(insertLog(dataSource, player, "fresh", now.minusHours(1)));
            kept.add(insertLog(dataSource, cheater, "evidence", now.minusDays(200)));
            mark(dataSource, cheater, now.minusDays(100));

            long deleted = service.context().getBean(CheckLogRetention.class).deleteExpired();

            assertEquals(10, deleted);
            assertEquals(kept, launchCodes(dataSource));
        }
    }

    @Test
    void aRetentionOfZeroKeepsEverything() throws SQLException {
        try (RunningService service = RunningService.onFreshSchema(Map.of("aegis.anticheat.check-log-retention-days", 0))) {
            DataSource dataSource = DelegatingDataSource.unwrapDataSource(service.context().getBean(DataSource.class));
            String code = insertLog(dataSource, UUID.randomUUID().toString(), "ancient",
                    LocalDateTime.now(ZoneOffset.UTC).minusYears(5));
            assertEquals(0, service.context().getBean(CheckLogRetention.class).deleteExpired());
            assertEquals(Set.of(code), launchCodes(dataSource));
        }
    }

    private static String insertLog(DataSource dataSource, String user, String launchCode, LocalDateTime reportedAt)
            throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO check_logs (launch_code, user_public_id,"
                     + " user_aegisspeed_id, machine_code, check_result, check_result_detail, start_time, finish_time,"
                     + " reported_at) VALUES (?, ?, 'ASD000001', ?, 'Passed', '', ?, ?, ?)")) {
            insert.setString(1, launchCode);
            insert.setString(2, user);
            insert.setString(3, "m".repeat(32));
            insert.setObject(4, reportedAt.minusMinutes(1));
            insert.setObject(5, reportedAt.minusSeconds(30));
            insert.setObject(6, reportedAt);
            insert.executeUpdate();
        }
        return launchCode;
    }

    private static void mark(DataSource dataSource, String user, LocalDateTime at) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO cheater_marks (user_public_id, reason,"
                     + " marked_by, marked_at) VALUES (?, 'aimbot', ?, ?)")) {
            insert.setString(1, user);
            insert.setString(2, UUID.randomUUID().toString());
            insert.setObject(3, at);
            insert.executeUpdate();
        }
    }

    private static Set<String> launchCodes(DataSource dataSource) throws SQLException {
        Set<String> codes = new HashSet<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT launch_code FROM check_logs")) {
            while (rows.next()) {
                codes.add(rows.getString(1));
            }
        }
        return codes;
    }
}
