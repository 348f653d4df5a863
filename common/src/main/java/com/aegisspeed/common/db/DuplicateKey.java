package com.aegisspeed.common.db;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

/** Recognises a unique/primary-key violation however the driver (MariaDB, MySQL, H2) and Micronaut Data wrap it. */
public final class DuplicateKey {

    private static final String INTEGRITY_CONSTRAINT_STATE_CLASS = "23";

    private DuplicateKey() {
    }

    public static boolean isCauseOf(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith(INTEGRITY_CONSTRAINT_STATE_CLASS)) {
                return true;
            }
        }
        return false;
    }
}
