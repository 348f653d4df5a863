package com.aegisspeed.testsupport;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every connection of a service's pool, held by the test itself until closed: while held, each request that needs
 * the database waits out the connection timeout while the database answers, as in a burst too large to serve.
 */
public final class HeldPool implements AutoCloseable {

    /** The connections a pool started with {@link #SMALL_POOL} has. */
    public static final int SIZE = 2;

    /** A pool of {@link #SIZE} connections that gives up waiting for one after a quarter of a second. */
    public static final Map<String, Object> SMALL_POOL = Map.of(
            "datasources.default.maximum-pool-size", SIZE,
            "datasources.default.minimum-idle", SIZE,
            "datasources.default.connection-timeout", 250);

    private final List<Connection> held;

    private HeldPool(List<Connection> held) {
        this.held = held;
    }

    /** Takes all {@link #SIZE} connections of the pool of a service started with {@link #SMALL_POOL}. */
    public static HeldPool takeAll(ApplicationContext service) {
        DataSource pool = DelegatingDataSource.unwrapDataSource(service.getBean(DataSource.class));
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < SIZE; i++) {
                held.add(pool.getConnection());
            }
        } catch (SQLException e) {
            new HeldPool(held).close();
            throw new IllegalStateException("could not take the pool's connections", e);
        }
        return new HeldPool(held);
    }

    @Override
    public void close() {
        for (Connection connection : held) {
            try {
                connection.close();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
