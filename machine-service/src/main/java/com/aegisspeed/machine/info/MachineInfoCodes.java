package com.aegisspeed.machine.info;

/** The codes of {@code get_machine_info} (docs/api-machine-anticheat.md). */
public final class MachineInfoCodes {
    public static final String TOKEN_INVALID = "10001";
    public static final String NOT_OPEN = "10002";
    public static final String INTERNAL_ERROR = "10003";
    public static final String INVALID_INPUT = "10004";
    public static final String NOT_ALLOWED = "10005";
    public static final String USER_NOT_FOUND = "10006";

    private MachineInfoCodes() {
    }
}
