package com.aegisspeed.machine.binding;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDateTime;

/** A machine bound to its owner; {@code boundAt} is UTC. The primary key makes a code bind to one user only. */
@MappedEntity("machines")
public record Machine(
        @Id String machineCode,
        String ownerPublicId,
        String windowsUuid,
        String windowsProductId,
        String machineOsName,
        String machineOsVersion,
        String machineArchitecture,
        String machineArchitectureType,
        String machinePlatform,
        String machineCpu,
        String machineMotherboard,
        String machineMacAddress,
        LocalDateTime boundAt) {

    static Machine of(MachineInfo info, String ownerPublicId, LocalDateTime boundAt) {
        return new Machine(info.machineCode(), ownerPublicId, info.windowsUuid(), info.windowsProductId(),
                info.machineOsName(), info.machineOsVersion(), info.machineArchitecture(),
                info.machineArchitectureType(), info.machinePlatform(), info.machineCpu(),
                info.machineMotherboard(), MachineInfoRules.normalizedMac(info.machineMacAddress()), boundAt);
    }
}
