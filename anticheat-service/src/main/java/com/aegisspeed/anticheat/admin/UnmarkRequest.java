package com.aegisspeed.anticheat.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;

/** Body of {@code unmark_cheater}. */
@Serdeable
public record UnmarkRequest(
        @JsonProperty("user_AegisSpeed_id") @NotNull String userAegisSpeedId,
        @JsonProperty("reason") @NotNull String reason) {
}
