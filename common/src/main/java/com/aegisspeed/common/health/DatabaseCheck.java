package com.aegisspeed.common.health;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Asks the service's own database whether it answers; bounded by the pool's connection timeout. */
@Singleton
public class DatabaseCheck {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseCheck.class);
    private static final int QUERY_TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;

    public DatabaseCheck(DataSource dataSource) {
        // The raw pool: the transaction-aware wrapper refuses connections outside a transaction.
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /**
     * Runs a real statement rather than {@code Connection.isValid}: a failing statement makes the pool
     * evict the broken connection, while {@code isValid} would leave it pooled and fail forever.
     */
    public boolean isUp() {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            statement.execute("SELECT 1");
            return true;
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Database check failed: {}", e.getMessage());
            return false;
        }
    }
}
