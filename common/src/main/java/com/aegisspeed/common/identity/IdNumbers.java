package com.aegisspeed.common.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Set;

/**
 * PRC resident ID numbers (GB 11643): 17 digits (region, birth date, sequence) and a check character
 * (digit or {@code X}). Responses only ever show them masked.
 */
public final class IdNumbers {

    /** Province-level region codes (first two digits), including Hong Kong, Macau and Taiwan residents. */
    private static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
            "71", "81", "82", "83");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    private IdNumbers() {
    }

    /** Upper-cases a trailing {@code x}, the one spelling difference clients make. */
    public static String normalize(String idNumber) {
        return idNumber == null ? null : idNumber.toUpperCase(java.util.Locale.ROOT);
    }

    /** Whether the (normalized) ID number is valid: region, a real past birth date and the check character. */
    public static boolean isValid(String idNumber, LocalDate today) {
        if (idNumber == null || idNumber.length() != 18) {
            return false;
        }
        String id = normalize(idNumber);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11) == id.charAt(17)
                && PROVINCES.contains(id.substring(0, 2))
                && !id.startsWith("0000", 2)
                && isPlausibleBirthDate(id.substring(6, 14), today);
    }

    private static boolean isPlausibleBirthDate(String yyyymmdd, LocalDate today) {
        try {
            LocalDate born = LocalDate.of(Integer.parseInt(yyyymmdd.substring(0, 4)),
                    Integer.parseInt(yyyymmdd.substring(4, 6)), Integer.parseInt(yyyymmdd.substring(6, 8)));
            return !born.isBefore(EARLIEST_BIRTH_DATE) && !born.isAfter(today);
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** The check character the first 17 digits call for; lets tests and tools build valid numbers. */
    public static char checkCharacter(String first17Digits) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17Digits.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    /** First 3, eleven {@code *}, last 4 (docs/contract.md): {@code 110***********1234}. */
    public static String mask(String idNumber) {
        if (idNumber == null || idNumber.length() != 18) {
            return "******************";
        }
        return idNumber.substring(0, 3) + "*".repeat(11) + idNumber.substring(14);
    }
}
