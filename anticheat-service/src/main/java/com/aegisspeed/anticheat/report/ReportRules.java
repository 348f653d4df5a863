package com.aegisspeed.anticheat.report;

import com.aegisspeed.common.time.Utc;
import com.aegisspeed.common.identity.MachineCodes;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** The format of a report's fields; bounds are the column sizes of {@code check_logs}. */
public final class ReportRules {

    private static final int MAX_DETAIL_LENGTH = 2048;
    private static final int EARLIEST_YEAR = 2000;
    /** The last year a {@code DATETIME} column holds. */
    private static final int LATEST_YEAR = 9999;
    private static final Pattern LAUNCH_CODE = Pattern.compile("[0-9A-Za-z_-]{1,64}");

    private ReportRules() {
    }

    public static boolean isLaunchCode(String value) {
        return value != null && LAUNCH_CODE.matcher(value).matches();
    }

    /** A time with an explicit offset ({@code Z} or {@code ±hh:mm}); a local time alone is ambiguous and refused. */
    static Optional<OffsetDateTime> parseTime(String value) {
        try {
            return Optional.of(OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static boolean isStorable(OffsetDateTime time) {
        int year = Utc.stored(time).getYear();
        return year >= EARLIEST_YEAR && year <= LATEST_YEAR;
    }

    /** What is wrong with the report, if anything, as a client-facing sentence. */
    static Optional<String> problem(ReportRequest report) {
        if (!isLaunchCode(report.launchCode())) {
            return Optional.of("Invalid launch_code: 1 to 64 letters, digits, '_' or '-'");
        }
        if (!MachineCodes.isValid(report.machineCode())) {
            return Optional.of("Invalid machine_code: exactly 32 letters or digits");
        }
        if (!CheckResults.ALL.contains(report.checkResult())) {
            return Optional.of("Invalid check_result: one of Passed, Failed, Suspicious");
        }
        String detail = report.checkResultDetail();
        if (detail.isBlank() || detail.length() > MAX_DETAIL_LENGTH) {
            return Optional.of("Invalid check_result_detail: 1 to " + MAX_DETAIL_LENGTH + " characters, not blank");
        }
        Optional<OffsetDateTime> start = parseTime(report.startTime());
        Optional<OffsetDateTime> finish = parseTime(report.finishTime());
        if (start.isEmpty()) {
            return Optional.of("Invalid start_time: ISO 8601 with offset, e.g. 2026-02-23T10:00:00+08:00");
        }
        if (finish.isEmpty()) {
            return Optional.of("Invalid finish_time: ISO 8601 with offset, e.g. 2026-02-23T10:05:00+08:00");
        }
        if (!isStorable(start.get()) || !isStorable(finish.get())) {
            return Optional.of("Invalid start_time or finish_time: years 2000 to 9999 only");
        }
        if (finish.get().isBefore(start.get())) {
            return Optional.of("Invalid finish_time: before start_time");
        }
        return Optional.empty();
    }
}
