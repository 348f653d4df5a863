package com.aegisspeed.common.identity;

import java.util.regex.Pattern;

/** Machine codes (docs/contract.md): exactly 32 characters {@code [0-9a-zA-Z]}. */
public final class MachineCodes {

    private static final Pattern FORMAT = Pattern.compile("[0-9a-zA-Z]{32}");

    private MachineCodes() {
    }

    public static boolean isValid(String machineCode) {
        return machineCode != null && FORMAT.matcher(machineCode).matches();
    }
}
