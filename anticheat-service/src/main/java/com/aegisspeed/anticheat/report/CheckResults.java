package com.aegisspeed.anticheat.report;

import java.util.List;

/** The values of {@code check_result} (docs/contract.md). A cheating record is a check that did not pass. */
public final class CheckResults {

    public static final String PASSED = "Passed";
    public static final String FAILED = "Failed";
    public static final String SUSPICIOUS = "Suspicious";

    public static final List<String> ALL = List.of(PASSED, FAILED, SUSPICIOUS);
    public static final List<String> CHEATING = List.of(FAILED, SUSPICIOUS);

    private CheckResults() {
    }
}
