package com.aegisspeed.anticheat.history;

import com.aegisspeed.common.time.Utc;
import com.aegisspeed.anticheat.report.CheckLog;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

/** An entry of {@code data.check_logs} (docs/api-machine-anticheat.md): {@code user_id} masked, times ISO 8601 UTC. */
@Serdeable
public record CheckLogView(
        @JsonProperty("launch_code") String launchCode,
        @JsonProperty("machine_code") String machineCode,
        @JsonProperty("user_id") String maskedIdNumber,
        @JsonProperty("check_result") String checkResult,
        @JsonProperty("check_result_detail") String checkResultDetail,
        @JsonProperty("start_time") String startTime,
        @JsonProperty("finish_time") String finishTime) {

    static CheckLogView of(CheckLog log, String maskedIdNumber) {
        return new CheckLogView(log.launchCode(), log.machineCode(), maskedIdNumber, log.checkResult(),
                log.checkResultDetail(), Utc.text(log.startTime()), Utc.text(log.finishTime()));
    }
}
