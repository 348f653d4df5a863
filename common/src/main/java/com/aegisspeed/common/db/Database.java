package com.aegisspeed.common.db;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Plain JDBC on the service's connection pool: every unit of work gets its own connection, either in
 * auto-commit or in one transaction that is committed only when the work returns normally.
 */
@Singleton
public class Database {

    private final DataSource pool;

    public Database(DataSource dataSource) {
        this.pool = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    public <T> T withConnection(Work<T> work) {
        try (Connection connection = connection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw DatabaseException.of(e);
        }
    }

    public <T> T inTransaction(Work<T> work) {
        try (Connection connection = connection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw DatabaseException.of(e);
        }
    }

    /** A connection from the pool; an exhausted pool is answered by {@link PoolExhaustedHandlers}. */
    private Connection connection() throws SQLException {
        return pool.getConnection();
    }
}
