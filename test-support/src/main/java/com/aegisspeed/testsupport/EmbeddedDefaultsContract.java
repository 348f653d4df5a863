package com.aegisspeed.testsupport;

import com.aegisspeed.common.envelope.Codes;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static com.aegisspeed.testsupport.EnvelopeAssertions.assertStandardEnvelope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Smoke test of the local default: with no database configured the service runs every migration on
 * embedded H2 (MySQL mode) in a file under the data folder, and a second start keeps that database.
 */
public abstract class EmbeddedDefaultsContract {

    @Test
    void migrationsRunOnEmbeddedH2AndSurviveARestart(@TempDir Path dataDir) throws SQLException {
        Map<String, Object> properties = Map.of("aegis.data-dir", dataDir.toString());
        String firstHistory;
        String name;
        try (RunningService service = RunningService.start(properties)) {
            name = service.name();
            assertStandardEnvelope(service.managementHttp().get("/health/readiness"), 200, Codes.SUCCESS);
            firstHistory = migrationHistory(service);
            assertTrue(firstHistory.contains("1:true"), "no successful first migration: " + firstHistory);
        }
        assertTrue(Files.exists(dataDir.resolve(name + ".mv.db")), "no H2 file for " + name + " in " + dataDir);
        try (RunningService again = RunningService.start(properties)) {
            assertEquals(firstHistory, migrationHistory(again), "the second start re-created the database");
        }
    }

    private static String migrationHistory(RunningService service) throws SQLException {
        DataSource dataSource = DelegatingDataSource.unwrapDataSource(service.context().getBean(DataSource.class));
        StringBuilder history = new StringBuilder();
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT version, success, installed_on FROM flyway_schema_history ORDER BY installed_rank")) {
            while (rows.next()) {
                history.append(rows.getString(1)).append(':').append(rows.getBoolean(2))
                        .append('@').append(rows.getString(3)).append(';');
            }
        }
        return history.toString();
    }
}
