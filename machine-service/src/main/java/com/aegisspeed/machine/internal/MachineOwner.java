package com.aegisspeed.machine.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

/** {@code data} of {@code GET /internal/machines/{machineCode}}. */
@Serdeable
public record MachineOwner(
        @JsonProperty("machine_code") String machineCode,
        @JsonProperty("owner_public_id") String ownerPublicId,
        @JsonProperty("bound_at") String boundAt) {
}
