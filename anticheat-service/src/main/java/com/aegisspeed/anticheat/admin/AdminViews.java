package com.aegisspeed.anticheat.admin;

import com.aegisspeed.common.time.Utc;
import com.aegisspeed.anticheat.report.CheckLog;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Arrays;
import java.util.List;

/** The {@code data} shapes of the admin listings; times are ISO 8601 UTC. */
final class AdminViews {

    private AdminViews() {
    }

    @Serdeable
    record CheatingRecord(
            @JsonProperty("launch_code") String launchCode,
            @JsonProperty("machine_code") String machineCode,
            @JsonProperty("user_AegisSpeed_id") String userAegisSpeedId,
            @JsonProperty("check_result") String checkResult,
            @JsonProperty("check_result_detail") String checkResultDetail,
            @JsonProperty("start_time") String startTime,
            @JsonProperty("finish_time") String finishTime,
            @JsonProperty("reported_at") String reportedAt) {

        static CheatingRecord of(CheckLog log) {
            return new CheatingRecord(log.launchCode(), log.machineCode(), log.userAegisSpeedId(), log.checkResult(),
                    log.checkResultDetail(), Utc.text(log.startTime()), Utc.text(log.finishTime()),
                    Utc.text(log.reportedAt()));
        }
    }

    @Serdeable
    record CheatingRecordsPage(
            @JsonProperty("cheating_records") List<CheatingRecord> cheatingRecords, int page, int size, long total) {
    }

    @Serdeable
    record MarkEvent(
            @JsonProperty("user_AegisSpeed_id") String userAegisSpeedId,
            @JsonProperty("action") String action,
            @JsonProperty("reason") String reason,
            @JsonProperty("evidence_launch_codes") List<String> evidenceLaunchCodes,
            @JsonProperty("actor_AegisSpeed_id") String actorAegisSpeedId,
            @JsonProperty("happened_at") String happenedAt) {

        static MarkEvent of(CheaterMarkEvent event) {
            List<String> evidence = event.evidenceLaunchCodes().isEmpty()
                    ? List.of() : Arrays.asList(event.evidenceLaunchCodes().split(","));
            return new MarkEvent(event.userAegisSpeedId(), event.action(), event.reason(), evidence,
                    event.actorAegisSpeedId(), Utc.text(event.happenedAt()));
        }
    }

    @Serdeable
    record MarkHistoryPage(List<MarkEvent> events, int page, int size, long total) {
    }
}
