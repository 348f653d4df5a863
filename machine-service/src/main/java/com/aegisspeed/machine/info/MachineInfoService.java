package com.aegisspeed.machine.info;

import com.aegisspeed.common.envelope.Refusal;
import com.aegisspeed.common.identity.AegisSpeedIds;
import com.aegisspeed.common.internal.InternalUser;
import com.aegisspeed.common.internal.UserDirectoryClient;
import com.aegisspeed.common.time.Utc;
import com.aegisspeed.common.token.VerifiedToken;
import com.aegisspeed.machine.binding.Machine;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import static com.aegisspeed.machine.MachineServiceCodes.Info.INVALID_INPUT;
import static com.aegisspeed.machine.MachineServiceCodes.Info.NOT_ALLOWED;
import static com.aegisspeed.machine.MachineServiceCodes.Info.USER_NOT_FOUND;

/**
 * The machines bound to a user: the caller's own, or, for an admin, any user's by AegisSpeed ID. A machine code
 * identifies a player's machine to the check unit, so only its owner sees it whole.
 */
@Singleton
public class MachineInfoService {

    private static final int SHOWN_AT_EACH_END = 4;

    private final OwnedMachineRepository machines;
    private final UserDirectoryClient users;

    public MachineInfoService(OwnedMachineRepository machines, UserDirectoryClient users) {
        this.machines = machines;
        this.users = users;
    }

    public MachineListing machinesOf(VerifiedToken token, @Nullable String aegisSpeedId) {
        if (aegisSpeedId == null || aegisSpeedId.equals(token.aegisSpeedId())) {
            return listing(token.subject(), token.aegisSpeedId(), true);
        }
        if (!AegisSpeedIds.isValid(aegisSpeedId)) {
            throw new Refusal(HttpStatus.BAD_REQUEST, INVALID_INPUT, "Invalid AegisSpeed ID");
        }
        if (!token.isAdmin()) {
            throw new Refusal(HttpStatus.FORBIDDEN, NOT_ALLOWED, "Only admins may see another user's machines");
        }
        InternalUser user = users.findByAegisSpeedId(aegisSpeedId)
                .orElseThrow(() -> new Refusal(HttpStatus.NOT_FOUND, USER_NOT_FOUND, "User does not exist"));
        return listing(user.publicId(), user.aegisSpeedId(), user.publicId().equals(token.subject()));
    }

    private MachineListing listing(String ownerPublicId, String aegisSpeedId, boolean askedByOwner) {
        return new MachineListing(aegisSpeedId, machines.findByOwnerPublicIdOrderByBoundAt(ownerPublicId)
                .stream().map(machine -> view(machine, askedByOwner)).toList());
    }

    private static MachineListing.MachineView view(Machine machine, boolean askedByOwner) {
        return new MachineListing.MachineView(askedByOwner ? machine.machineCode() : masked(machine.machineCode()),
                Utc.text(machine.boundAt()), machine.windowsUuid(), machine.windowsProductId(), machine.machineOsName(),
                machine.machineOsVersion(), machine.machineArchitecture(), machine.machineArchitectureType(),
                machine.machinePlatform(), machine.machineCpu(), machine.machineMotherboard(), machine.machineMacAddress());
    }

    static String masked(String machineCode) {
        int hidden = machineCode.length() - 2 * SHOWN_AT_EACH_END;
        return machineCode.substring(0, SHOWN_AT_EACH_END) + "*".repeat(Math.max(hidden, 0))
                + machineCode.substring(machineCode.length() - SHOWN_AT_EACH_END);
    }
}
