package com.aegisspeed.machine.info;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The success {@code data} of {@code get_machine_info}: one user's bound machines, oldest binding first. */
@Serdeable
public record MachineListing(
        @JsonProperty("user_AegisSpeed_id") String userAegisSpeedId,
        @JsonProperty("machines") List<MachineView> machines) {

    /** One bound machine; {@code bound_at} is ISO 8601 UTC; the code is masked for anyone but its owner. */
    @Serdeable
    public record MachineView(
            @JsonProperty("machine_code") String machineCode,
            @JsonProperty("bound_at") String boundAt,
            @JsonProperty("windows_uuid") String windowsUuid,
            @JsonProperty("windows_product_id") String windowsProductId,
            @JsonProperty("machine_os_name") String machineOsName,
            @JsonProperty("machine_os_version") String machineOsVersion,
            @JsonProperty("machine_architecture") String machineArchitecture,
            @JsonProperty("machine_architecture_type") String machineArchitectureType,
            @JsonProperty("machine_platform") String machinePlatform,
            @JsonProperty("machine_cpu") String machineCpu,
            @JsonProperty("machine_motherboard") String machineMotherboard,
            @JsonProperty("machine_mac_address") String machineMacAddress) {
    }
}
