package com.aegisspeed.testsupport;

import java.util.Map;

/** A schema created for one test class on a real MariaDB server, dropped on close. */
public record FreshSchema(MariaDbServer server, String name) implements AutoCloseable {

    /** The properties that point a service at this schema: the same ones AEGIS_DB_* set in production. */
    public Map<String, Object> serviceProperties() {
        return Map.of(
                "aegis.db.url", server.jdbcUrl(name),
                "aegis.db.user", server.user(),
                "aegis.db.password", server.password());
    }

    @Override
    public void close() {
        server.execute("DROP DATABASE IF EXISTS " + name);
    }
}
