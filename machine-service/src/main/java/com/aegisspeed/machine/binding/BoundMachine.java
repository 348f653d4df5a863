package com.aegisspeed.machine.binding;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

/** The success {@code data} of both register endpoints; {@code bound_at} is ISO 8601 UTC. */
@Serdeable
public record BoundMachine(
        @JsonProperty("machine_code") String machineCode,
        @JsonProperty("user_AegisSpeed_id") String userAegisSpeedId,
        @JsonProperty("bound_at") String boundAt) {
}
