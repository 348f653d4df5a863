package com.aegisspeed.machine.binding;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** Body of {@code register_machine_info}: the owner's ID number and the machine fields, flat. */
@Serdeable
public record RegisterByIdNumberRequest(
        @JsonProperty("user_id") @NotNull String userId,
        @JsonUnwrapped @Valid MachineInfo machine) {
}
