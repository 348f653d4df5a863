package com.aegisspeed.user.account;

import java.sql.SQLException;

/** A database fault; answered with the endpoint's internal-error code, never with the SQL message. */
public class DatabaseException extends RuntimeException {

    DatabaseException(SQLException cause) {
        super("database access failed", cause);
    }

    static RuntimeException of(SQLException e) {
        return UniqueKey.violatedBy(e).<RuntimeException>map(DuplicateUserException::new)
                .orElseGet(() -> new DatabaseException(e));
    }
}
