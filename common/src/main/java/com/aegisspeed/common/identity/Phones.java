package com.aegisspeed.common.identity;

import java.util.regex.Pattern;

/** Mainland mobile numbers: 11 digits, {@code 1[3-9]…}; shown masked as {@code 138****8000}. */
public final class Phones {

    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");

    private Phones() {
    }

    public static boolean isValid(String phone) {
        return phone != null && MOBILE.matcher(phone).matches();
    }

    public static String mask(String phone) {
        if (phone == null || phone.length() != 11) {
            return "***********";
        }
        return phone.substring(0, 3) + "****" + phone.substring(7);
    }
}
