package com.aegisspeed.common.identity;

import java.util.regex.Pattern;

/**
 * Real names as on an ID card: 2 to 64 letters of any script, with single spaces, middle dots
 * ({@code ·}, used in transliterated names such as {@code 阿卜杜·热合曼}), hyphens or apostrophes between
 * them; no digits, symbols or control characters.
 */
public final class PersonNames {

    private static final Pattern NAME = Pattern.compile("\\p{L}[\\p{L}\\p{M}]*(?:[ ·•'\\-][\\p{L}\\p{M}]+)*");
    private static final int MIN_LENGTH = 2;
    private static final int MAX_LENGTH = 64;

    private PersonNames() {
    }

    public static boolean isValid(String name) {
        if (name == null) {
            return false;
        }
        int length = name.codePointCount(0, name.length());
        return length >= MIN_LENGTH && length <= MAX_LENGTH && NAME.matcher(name).matches();
    }
}
