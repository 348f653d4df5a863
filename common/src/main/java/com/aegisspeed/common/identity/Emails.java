package com.aegisspeed.common.identity;

import java.util.regex.Pattern;

/** E-mail addresses: a practical subset of RFC 5321 (ASCII, one {@code @}, a dotted domain), at most 254 characters. */
public final class Emails {

    private static final Pattern ADDRESS = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");

    private Emails() {
    }

    public static boolean isValid(String email) {
        return email != null && email.length() <= 254 && email.indexOf('@') <= 64 && ADDRESS.matcher(email).matches();
    }

    /** Addresses are compared and stored case-insensitively. */
    public static String normalize(String email) {
        return email == null ? null : email.toLowerCase(java.util.Locale.ROOT);
    }

    /** The first 3 characters of the local part, {@code ***}, then {@code @domain} (docs/contract.md). */
    public static String mask(String email) {
        int at = email == null ? -1 : email.indexOf('@');
        if (at < 0) {
            return "***";
        }
        return email.substring(0, Math.min(3, at)) + "***" + email.substring(at);
    }
}
