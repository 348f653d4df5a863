package com.aegisspeed.common.db;

import java.sql.SQLException;

/**
 * Every connection of the pool stayed in use for the whole connection timeout while the database itself answers
 * (the pool has no failure to report): a burst larger than the service can serve in time, not a fault. Answered
 * 429 {@code 00001} with {@code Retry-After} by {@link DatabaseBusyHandler}, so clients repeat the request later
 * and the gateway's circuit breaker does not count it.
 */
public class DatabaseBusyException extends DatabaseException {

    public DatabaseBusyException(SQLException cause) {
        super(cause);
    }
}
