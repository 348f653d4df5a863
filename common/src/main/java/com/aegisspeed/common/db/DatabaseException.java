package com.aegisspeed.common.db;

import java.sql.SQLException;

/** A database fault; answered with the endpoint's internal-error code, never with the SQL message. */
public class DatabaseException extends RuntimeException {

    public DatabaseException(SQLException cause) {
        super("database access failed", cause);
    }

    public static RuntimeException of(SQLException e) {
        return new DatabaseException(e);
    }
}
