package com.aegisspeed.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A MariaDB/MySQL server the tests may create schemas on. The shared one comes from
 * {@code AEGIS_TEST_DB_HOST}, {@code AEGIS_TEST_DB_PORT}, {@code AEGIS_TEST_DB_USER} and
 * {@code AEGIS_TEST_DB_PASSWORD} (default root without password on 127.0.0.1:3306, as {@code bin/test} sets up).
 */
public record MariaDbServer(String host, int port, String user, String password) {

    public static MariaDbServer fromEnvironment() {
        return new MariaDbServer(
                env("AEGIS_TEST_DB_HOST", "127.0.0.1"),
                Integer.parseInt(env("AEGIS_TEST_DB_PORT", "3306")),
                env("AEGIS_TEST_DB_USER", "root"),
                env("AEGIS_TEST_DB_PASSWORD", ""));
    }

    public String jdbcUrl(String schema) {
        return "jdbc:mysql://" + host + ":" + port + "/" + schema
                + "?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
                + "&characterEncoding=UTF-8&useSSL=false&allowPublicKeyRetrieval=true&connectTimeout=2000";
    }

    /** Creates a schema with a name no other run uses; closing the result drops it. */
    public FreshSchema createFreshSchema() {
        String name = "aegis_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return new FreshSchema(this, name);
    }

    void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(""), user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB at " + host + ":" + port + " refused: " + sql
                    + " (bin/test starts a server when none answers)", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
