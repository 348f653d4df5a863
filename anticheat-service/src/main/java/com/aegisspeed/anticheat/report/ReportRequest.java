package com.aegisspeed.anticheat.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;

/** Body of {@code report_check_result}; formats are checked by {@link ReportRules}. */
@Serdeable
public record ReportRequest(
        @JsonProperty("launch_code") @NotNull String launchCode,
        @JsonProperty("machine_code") @NotNull String machineCode,
        @JsonProperty("check_result") @NotNull String checkResult,
        @JsonProperty("check_result_detail") @NotNull String checkResultDetail,
        @JsonProperty("start_time") @NotNull String startTime,
        @JsonProperty("finish_time") @NotNull String finishTime) {
}
