package com.aegisspeed.anticheat.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;

import java.util.List;

/** Body of {@code mark_cheater}. */
@Serdeable
public record MarkRequest(
        @JsonProperty("user_AegisSpeed_id") @NotNull String userAegisSpeedId,
        @JsonProperty("reason") @NotNull String reason,
        @JsonProperty("evidence_launch_codes") @NotNull List<String> evidenceLaunchCodes) {
}
