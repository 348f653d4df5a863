package com.aegisspeed.system;

import com.aegisspeed.testsupport.FreshSchema;
import com.aegisspeed.testsupport.MariaDbServer;
import com.aegisspeed.testsupport.PrivateMariaDb;
import com.aegisspeed.testsupport.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Production migrates each schema before the service starts (deploy/README.md, "Migrations"): the service's own image
 * run with {@code AEGIS_MIGRATE_ONLY=true} and a migration user applies the migrations and exits without serving;
 * the service then runs with {@code AEGIS_MIGRATE_AT_START=false} as a user that may only read and write rows.
 * On a private MariaDB server, where the test may create those users.
 */
class SchemaMigrationTest {

    private static final Duration MIGRATION_WITHIN = Duration.ofSeconds(90);
    private static PrivateMariaDb database;
    private static Path dataDir;

    @BeforeAll
    static void startDatabase() throws IOException {
        database = PrivateMariaDb.install();
        dataDir = Files.createTempDirectory("aegis-migration-test");
    }

    @AfterAll
    static void stopDatabase() {
        database.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gateway", "auth-service", "user-service", "machine-service", "anticheat-service"})
    void theServiceMigratesItsSchemaAndExitsThenServesAsARowOnlyUser(String module) throws SQLException {
        MariaDbServer root = database.server();
        try (FreshSchema schema = root.createFreshSchema()) {
            String migrator = createUser(root, schema, "ALL PRIVILEGES");
            String runtime = createUser(root, schema, "SELECT, INSERT, UPDATE, DELETE");

            Map<String, String> migrate = environment(root, schema, migrator);
            migrate.put("AEGIS_MIGRATE_ONLY", "true");
            ServiceProcess.Finished run = ServiceProcess.runToExit(module, migrate, MIGRATION_WITHIN);
            assertEquals(0, run.exitCode(), module + " migration exits cleanly; its log:\n" + run.log());
            assertFalse(run.log().contains("Server Running"), module + " serves nothing while migrating");
            assertEquals(migrationFiles(module), appliedMigrations(root, schema), module + ": every migration applied");

            Map<String, String> serve = environment(root, schema, runtime);
            serve.put("AEGIS_MIGRATE_AT_START", "false");
            serve.putAll(Suite.defaultsOf(module));
            try (ServiceProcess service = ServiceProcess.start(module, ServiceProcess.freePort(), serve)) {
                assertEquals(200, service.managementHttp().get("/health/readiness").status(), module + " ready");
            }
        }
    }

    @Test
    void withMigrationAtStartOffTheServiceLeavesTheSchemaAlone() throws SQLException {
        MariaDbServer root = database.server();
        try (FreshSchema schema = root.createFreshSchema()) {
            Map<String, String> serve = environment(root, schema, createUser(root, schema, "ALL PRIVILEGES"));
            serve.put("AEGIS_MIGRATE_AT_START", "false");
            try (ServiceProcess service = ServiceProcess.start("machine-service", ServiceProcess.freePort(), serve)) {
                assertEquals(0, tableCount(root, schema), "no table created, no migration history");
            }
        }
    }

    private static Map<String, String> environment(MariaDbServer root, FreshSchema schema, String user) {
        Map<String, String> env = new HashMap<>();
        env.put("AEGIS_DB_URL", root.jdbcUrl(schema.name()));
        env.put("AEGIS_DB_USER", user);
        env.put("AEGIS_DB_PASSWORD", user + "-password");
        env.put("AEGIS_DATA_DIR", dataDir.resolve(schema.name()).toString());
        env.put("AEGIS_INTERNAL_SECRET", "migration-test-" + UUID.randomUUID());
        return env;
    }

    /** A user allowed {@code privileges} on the schema only. */
    private static String createUser(MariaDbServer root, FreshSchema schema, String privileges) throws SQLException {
        String user = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(root, "CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + user + "-password'");
        execute(root, "GRANT " + privileges + " ON `" + schema.name() + "`.* TO '" + user + "'@'%'");
        return user;
    }

    private static long migrationFiles(String module) {
        Path migrations = Path.of("..", module, "src/main/resources/db/migration");
        try (Stream<Path> files = Files.list(migrations)) {
            return files.filter(file -> file.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long appliedMigrations(MariaDbServer root, FreshSchema schema) throws SQLException {
        return count(root, "SELECT COUNT(*) FROM `" + schema.name() + "`.flyway_schema_history WHERE success = 1 AND version IS NOT NULL");
    }

    private static long tableCount(MariaDbServer root, FreshSchema schema) throws SQLException {
        return count(root, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '" + schema.name() + "'");
    }

    private static long count(MariaDbServer root, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(root.jdbcUrl(""), root.user(), root.password());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void execute(MariaDbServer root, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(root.jdbcUrl(""), root.user(), root.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
