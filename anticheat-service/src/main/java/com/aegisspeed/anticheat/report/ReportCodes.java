package com.aegisspeed.anticheat.report;

/** The codes of {@code report_check_result} (docs/api-machine-anticheat.md). */
public final class ReportCodes {
    public static final String TOKEN_INVALID = "10001";
    public static final String NOT_OPEN = "10002";
    public static final String INVALID_INPUT = "10003";
    public static final String INTERNAL_ERROR = "10004";
    public static final String MACHINE_NOT_YOURS = "10005";
    public static final String LAUNCH_CODE_TAKEN = "10006";

    private ReportCodes() {
    }
}
