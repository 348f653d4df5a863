package com.aegisspeed.anticheat.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.LocalDateTime;

/** One check reported by the ASAC core check unit; times are UTC. */
@MappedEntity("check_logs")
public record CheckLog(
        @Id @GeneratedValue @Nullable Long id,
        String launchCode,
        String userPublicId,
        @MappedProperty("user_aegisspeed_id") String userAegisSpeedId,
        String machineCode,
        String checkResult,
        String checkResultDetail,
        LocalDateTime startTime,
        LocalDateTime finishTime,
        LocalDateTime reportedAt) {

    /** Whether {@code other} reports the same check: everything but when it was received. */
    boolean sameReportAs(CheckLog other) {
        return launchCode.equals(other.launchCode) && userPublicId.equals(other.userPublicId)
                && machineCode.equals(other.machineCode) && checkResult.equals(other.checkResult)
                && checkResultDetail.equals(other.checkResultDetail)
                && startTime.equals(other.startTime) && finishTime.equals(other.finishTime);
    }
}
