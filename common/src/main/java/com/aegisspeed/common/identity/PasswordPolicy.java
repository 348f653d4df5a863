package com.aegisspeed.common.identity;

import jakarta.inject.Singleton;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * docs/contract.md: 8 to 128 characters and not on the common-password list
 * ({@code passwords/common-passwords.txt}, compared case-insensitively).
 */
@Singleton
public class PasswordPolicy {

    private static final int MIN_LENGTH = 8;
    private static final int MAX_LENGTH = 128;
    private static final String LIST = "passwords/common-passwords.txt";

    private final Set<String> common;

    public PasswordPolicy() {
        try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException(LIST + " is missing from the classpath");
            }
            common = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean accepts(String password) {
        return hasPossibleLength(password) && !common.contains(password.toLowerCase(Locale.ROOT));
    }

    /**
     * The password, or, when it is longer than any account's can be, its first 129 code points: still nobody's
     * password, so a check of it fails as it would have, but small enough to send to user-service, which refuses
     * bodies near the 64 KiB limit.
     */
    public static String cutToCheckableLength(String password) {
        if (password == null || password.codePointCount(0, password.length()) <= MAX_LENGTH) {
            return password;
        }
        return password.substring(0, password.offsetByCodePoints(0, MAX_LENGTH + 1));
    }

    /** Whether any account could have this password: 8 to 128 characters (code points). */
    public static boolean hasPossibleLength(String password) {
        if (password == null) {
            return false;
        }
        int length = password.codePointCount(0, password.length());
        return length >= MIN_LENGTH && length <= MAX_LENGTH;
    }
}
