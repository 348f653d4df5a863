package com.aegisspeed.anticheat.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

/** Success {@code data} of {@code mark_cheater} and {@code unmark_cheater}; {@code happened_at} is ISO 8601 UTC. */
@Serdeable
public record MarkOutcome(
        @JsonProperty("user_AegisSpeed_id") String userAegisSpeedId,
        @JsonProperty("is_cheater") boolean isCheater,
        @JsonProperty("reason") String reason,
        @JsonProperty("happened_at") String happenedAt) {
}
