package com.aegisspeed.common.logging;

import java.util.regex.Pattern;

/**
 * Masks what must never reach a log line even when a library message quotes it (a duplicate-key error names
 * the value, a client error the header): ID numbers, phone numbers, e-mail addresses, JWTs and bearer tokens.
 * Passwords and admin secrets have no recognisable shape; the services never log them (a system test checks).
 */
final class Redaction {

    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])[0-9]{17}[0-9Xx](?![0-9A-Za-z])");
    private static final Pattern PHONE = Pattern.compile("(?<![0-9A-Za-z])1[3-9][0-9]{9}(?![0-9A-Za-z])");

    private Redaction() {
    }

    static String apply(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = JWT.matcher(text).replaceAll("[token]");
        masked = BEARER.matcher(masked).replaceAll("$1[token]");
        masked = EMAIL.matcher(masked).replaceAll("[email]");
        masked = ID_NUMBER.matcher(masked).replaceAll("[id-number]");
        return PHONE.matcher(masked).replaceAll("[phone]");
    }
}
