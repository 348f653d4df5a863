package com.aegisspeed.machine.binding;

import com.aegisspeed.common.identity.MachineCodes;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The format of every machine field; the bounds are the column sizes of {@code machines}. */
public final class MachineInfoRules {

    /** Six hex pairs separated consistently by {@code :} or {@code -}. */
    private static final Pattern MAC_ADDRESS =
            Pattern.compile("[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\\1[0-9A-Fa-f]{2}){4}");

    private static final List<TextField> TEXT_FIELDS = List.of(
            new TextField("windows_uuid", MachineInfo::windowsUuid, 64),
            new TextField("windows_product_id", MachineInfo::windowsProductId, 64),
            new TextField("machine_os_name", MachineInfo::machineOsName, 128),
            new TextField("machine_os_version", MachineInfo::machineOsVersion, 64),
            new TextField("machine_architecture", MachineInfo::machineArchitecture, 32),
            new TextField("machine_architecture_type", MachineInfo::machineArchitectureType, 32),
            new TextField("machine_platform", MachineInfo::machinePlatform, 32),
            new TextField("machine_cpu", MachineInfo::machineCpu, 128),
            new TextField("machine_motherboard", MachineInfo::machineMotherboard, 128));

    private MachineInfoRules() {
    }

    /** What is wrong with the machine fields, if anything, as a client-facing sentence. */
    static Optional<String> problem(MachineInfo info) {
        if (!MachineCodes.isValid(info.machineCode())) {
            return Optional.of("Invalid machine_code: exactly 32 letters or digits");
        }
        for (TextField field : TEXT_FIELDS) {
            if (!isPlainText(field.value().apply(info), field.maxLength())) {
                return Optional.of("Invalid " + field.name() + ": 1 to " + field.maxLength()
                        + " characters, not blank, no control characters");
            }
        }
        if (info.machineMacAddress() == null || !MAC_ADDRESS.matcher(info.machineMacAddress()).matches()) {
            return Optional.of("Invalid machine_mac_address: six hex pairs separated by ':' or '-'");
        }
        return Optional.empty();
    }

    /** The stored form of a valid MAC address: upper case, colon-separated. */
    static String normalizedMac(String mac) {
        return mac.replace('-', ':').toUpperCase(Locale.ROOT);
    }

    private static boolean isPlainText(String value, int maxLength) {
        return value != null && !value.isBlank() && value.length() <= maxLength
                && value.codePoints().noneMatch(Character::isISOControl);
    }

    private record TextField(String name, Function<MachineInfo, String> value, int maxLength) {
    }
}
