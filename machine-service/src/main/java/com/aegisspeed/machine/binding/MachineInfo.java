package com.aegisspeed.machine.binding;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;

/** The eleven machine fields both register endpoints take (docs/api-machine-anticheat.md). */
@Serdeable
public record MachineInfo(
        @JsonProperty("machine_code") @NotNull String machineCode,
        @JsonProperty("windows_uuid") @NotNull String windowsUuid,
        @JsonProperty("windows_product_id") @NotNull String windowsProductId,
        @JsonProperty("machine_os_name") @NotNull String machineOsName,
        @JsonProperty("machine_os_version") @NotNull String machineOsVersion,
        @JsonProperty("machine_architecture") @NotNull String machineArchitecture,
        @JsonProperty("machine_architecture_type") @NotNull String machineArchitectureType,
        @JsonProperty("machine_platform") @NotNull String machinePlatform,
        @JsonProperty("machine_cpu") @NotNull String machineCpu,
        @JsonProperty("machine_motherboard") @NotNull String machineMotherboard,
        @JsonProperty("machine_mac_address") @NotNull String machineMacAddress) {
}
