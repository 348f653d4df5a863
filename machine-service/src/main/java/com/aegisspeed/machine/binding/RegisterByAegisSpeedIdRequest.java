package com.aegisspeed.machine.binding;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** Body of {@code register_machine_info_by_aegisspeed_id}: the owner's AegisSpeed ID and the machine fields, flat. */
@Serdeable
public record RegisterByAegisSpeedIdRequest(
        @JsonProperty("user_AegisSpeed_id") @NotNull String userAegisSpeedId,
        @JsonUnwrapped @Valid MachineInfo machine) {
}
