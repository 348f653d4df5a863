package com.aegisspeed.user.account;

import com.aegisspeed.common.db.DatabaseException;

import java.sql.SQLException;

/** A write collided with another user's ID number, phone number or e-mail address. */
public class DuplicateUserException extends RuntimeException {

    private final UniqueKey key;

    public DuplicateUserException(UniqueKey key) {
        super("duplicate " + key, null, false, false);
        this.key = key;
    }

    public UniqueKey key() {
        return key;
    }

    /** What a failed write throws: this, when it collided with another user's unique value, else a database fault. */
    static RuntimeException orDatabaseFault(SQLException e) {
        return UniqueKey.violatedBy(e).<RuntimeException>map(DuplicateUserException::new)
                .orElseGet(() -> DatabaseException.of(e));
    }
}
