package com.aegisspeed.system;

import com.aegisspeed.testsupport.FreshSchema;
import com.aegisspeed.testsupport.MariaDbServer;
import com.aegisspeed.testsupport.ServiceProcess;
import com.aegisspeed.testsupport.TestHttp;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The {@link Suite} as the hostile-input tests need it: each service on a schema this class creates (so the
 * tests can read every table), a known internal secret (to create extra admins the way auth-service does), a
 * token signing key the tests hold ({@link AttackTokens}), a developer-state secret ({@link #DEV_SECRET}),
 * and client addresses taken from {@code X-Real-IP} (gateway) and {@code X-Forwarded-For} (auth-service), so a
 * test can speak from as many addresses as it needs and neither rate limits nor address lockouts pile up on one.
 */
final class HostileSuite implements AutoCloseable {

    /** The header the gateway is told to believe for the client address (docs/api-gateway.md). */
    static final String CLIENT_ADDRESS_HEADER = "X-Real-IP";
    static final String DEV_SECRET = "hostile-dev-secret";

    final Suite suite;
    final String internalSecret;
    final AttackTokens tokens;
    private final Map<String, FreshSchema> schemas;
    private final Connection database;

    private HostileSuite(Suite suite, String internalSecret, AttackTokens tokens, Map<String, FreshSchema> schemas,
                         Connection database) {
        this.suite = suite;
        this.internalSecret = internalSecret;
        this.tokens = tokens;
        this.schemas = schemas;
        this.database = database;
    }

    /** Starts the suite; {@code extra} adds (or overrides) environment per module. */
    static HostileSuite start(Map<String, Map<String, String>> extra) {
        MariaDbServer mariaDb = MariaDbServer.fromEnvironment();
        String internalSecret = "hostile-" + UUID.randomUUID();
        AttackTokens tokens = new AttackTokens();
        Map<String, FreshSchema> schemas = new LinkedHashMap<>();
        try {
            Map<String, Map<String, String>> environment = new HashMap<>();
            for (String module : Suite.MODULES) {
                FreshSchema schema = mariaDb.createFreshSchema();
                schemas.put(module, schema);
                Map<String, String> env = new HashMap<>(ServiceProcess.databaseEnvironment(schema));
                env.put("AEGIS_INTERNAL_SECRET", internalSecret);
                env.putAll(extra.getOrDefault(module, Map.of()));
                environment.put(module, env);
            }
            environment.get("gateway").putIfAbsent("AEGIS_CLIENT_ADDRESS_HEADER", CLIENT_ADDRESS_HEADER);
            environment.get("gateway").putIfAbsent("AEGIS_DEV_SECRET", DEV_SECRET);
            environment.get("auth-service").putIfAbsent("AEGIS_JWT_SIGNING_KEYS", tokens.signingKeysEnvironment());
            Connection database = DriverManager.getConnection(mariaDb.jdbcUrl(""), mariaDb.user(), mariaDb.password());
            try {
                return new HostileSuite(Suite.start(environment), internalSecret, tokens, schemas, database);
            } catch (RuntimeException e) {
                database.close();
                throw e;
            }
        } catch (SQLException e) {
            schemas.values().forEach(FreshSchema::close);
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            schemas.values().forEach(FreshSchema::close);
            throw e;
        }
    }

    TestHttp gateway() {
        return suite.gateway();
    }

    ServiceProcess service(String module) {
        return suite.service(module);
    }

    /** The schema {@code module} runs on. */
    String schema(String module) {
        return schemas.get(module).name();
    }

    /**
     * Every table of every service, as {@code module.table}: its row count and content checksum (so an update in
     * place shows as well as an insert or a delete). Flyway's history is left out; nothing but migrations write it.
     */
    synchronized DatabaseState snapshot() {
        Map<String, String> tables = new TreeMap<>();
        try (Statement statement = database.createStatement()) {
            for (Map.Entry<String, FreshSchema> entry : schemas.entrySet()) {
                List<String> names = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables "
                        + "WHERE table_schema = '" + entry.getValue().name() + "' AND table_name <> 'flyway_schema_history'")) {
                    while (rows.next()) {
                        names.add(rows.getString(1));
                    }
                }
                for (String table : names) {
                    String qualified = entry.getValue().name() + "." + table;
                    String count;
                    try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + qualified)) {
                        rows.next();
                        count = rows.getString(1);
                    }
                    try (ResultSet rows = statement.executeQuery("CHECKSUM TABLE " + qualified)) {
                        rows.next();
                        tables.put(entry.getKey() + "." + table, count + " rows, checksum " + rows.getString(2));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new DatabaseState(tables);
    }

    /** Rows of one table matching {@code where}, e.g. {@code count("user-service", "users", "user_role <> '用户'")}. */
    synchronized long count(String module, String table, String where) {
        try (Statement statement = database.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + schema(module) + "." + table + " WHERE " + where)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What every table held at one moment. */
    record DatabaseState(Map<String, String> tables) {

        /** The tables ({@code module.table}) whose rows differ from {@code earlier}. */
        Set<String> changedSince(DatabaseState earlier) {
            Set<String> changed = new TreeSet<>();
            tables.forEach((table, state) -> {
                if (!state.equals(earlier.tables.get(table))) {
                    changed.add(table);
                }
            });
            return changed;
        }
    }

    @Override
    public void close() {
        try {
            suite.close();
        } finally {
            try {
                database.close();
            } catch (SQLException ignored) {
                // the schemas are dropped below either way
            }
            schemas.values().forEach(FreshSchema::close);
        }
    }
}
