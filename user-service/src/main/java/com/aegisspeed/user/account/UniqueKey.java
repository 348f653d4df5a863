package com.aegisspeed.user.account;

import java.sql.SQLIntegrityConstraintViolationException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The unique keys of {@code users} a registration or a change can collide with. Concurrent writers are
 * told apart by the database alone: the key the database names decides the answer.
 */
public enum UniqueKey {
    ID_NUMBER("uk_users_id_number"),
    PHONE_NUMBER("uk_users_phone_number"),
    EMAIL("uk_users_email"),
    AEGISSPEED_ID("uk_users_aegisspeed_id"),
    PUBLIC_ID("uk_users_public_id");

    /** MariaDB/MySQL: {@code Duplicate entry '…' for key 'uk_…'} (MySQL 8 prefixes the table name). */
    private static final Pattern MYSQL = Pattern.compile("for key '(?:[^'.]*\\.)?([A-Za-z0-9_]+)'\\s*$");
    /** H2: {@code Unique index or primary key violation: "PUBLIC.UK_…_INDEX_4 ON PUBLIC.USERS(…)…"}. */
    private static final Pattern H2 = Pattern.compile("violation: \"(?:[A-Za-z0-9_]+\\.)?([A-Za-z0-9_]+?)_INDEX_[0-9]+ ON ",
            Pattern.CASE_INSENSITIVE);

    private final String constraint;

    UniqueKey(String constraint) {
        this.constraint = constraint;
    }

    /** The key a failed write collided on, found however Micronaut Data wrapped the driver's exception. */
    static Optional<UniqueKey> violatedBy(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException e && e.getMessage() != null) {
                return constraintName(e.getMessage()).flatMap(name -> Arrays.stream(values())
                        .filter(key -> key.constraint.equals(name)).findFirst());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> constraintName(String message) {
        for (Pattern pattern : new Pattern[] {MYSQL, H2}) {
            Matcher matcher = pattern.matcher(message);
            if (matcher.find()) {
                return Optional.of(matcher.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return Optional.empty();
    }
}
