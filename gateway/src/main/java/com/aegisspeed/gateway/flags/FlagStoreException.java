package com.aegisspeed.gateway.flags;

import java.sql.SQLException;

/** The flag tables could not be read or written; answered 500 with the operator API's internal-error code. */
class FlagStoreException extends RuntimeException {

    FlagStoreException(SQLException cause) {
        super("endpoint flag store failed: " + cause.getSQLState(), cause);
    }
}
