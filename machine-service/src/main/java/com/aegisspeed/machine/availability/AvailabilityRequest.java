package com.aegisspeed.machine.availability;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;

/** Body of {@code verify_is_machine_code_available}. */
@Serdeable
public record AvailabilityRequest(
        @JsonProperty("user_id") @NotNull String userId,
        @JsonProperty("machine_code") @NotNull String machineCode) {
}
