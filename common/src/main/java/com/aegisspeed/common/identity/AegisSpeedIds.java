package com.aegisspeed.common.identity;

import java.util.regex.Pattern;

/** AegisSpeed IDs: always 9 characters, {@code ASD} + 6 digits, assigned at registration, never reused. */
public final class AegisSpeedIds {

    private static final Pattern FORMAT = Pattern.compile("ASD[0-9]{6}");

    private AegisSpeedIds() {
    }

    public static boolean isValid(String aegisSpeedId) {
        return aegisSpeedId != null && FORMAT.matcher(aegisSpeedId).matches();
    }

    /** The ID for the n-th user (1-based). */
    public static String of(long number) {
        if (number < 1 || number > 999_999) {
            throw new IllegalArgumentException("AegisSpeed IDs run from ASD000001 to ASD999999");
        }
        return "ASD%06d".formatted(number);
    }
}
