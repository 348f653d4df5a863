package com.aegisspeed.machine;

import com.aegisspeed.common.envelope.Codes;
import com.aegisspeed.common.identity.Role;
import com.aegisspeed.common.internal.InternalUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static com.aegisspeed.machine.MachineServiceHarness.AVAILABILITY;
import static com.aegisspeed.machine.MachineServiceHarness.BY_AEGISSPEED_ID;
import static com.aegisspeed.machine.MachineServiceHarness.BY_ID_NUMBER;
import static com.aegisspeed.machine.MachineServiceHarness.byAegisSpeedId;
import static com.aegisspeed.machine.MachineServiceHarness.byIdNumber;
import static com.aegisspeed.machine.MachineServiceHarness.newMachineCode;
import static com.aegisspeed.testsupport.EnvelopeAssertions.assertErrorEnvelope;
import static com.aegisspeed.testsupport.EnvelopeAssertions.assertStandardEnvelope;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Binding works the same on the local default database (embedded H2), duplicate-key handling included. */
class EmbeddedH2BindingTest {

    @Test
    void bindRebindConflictAndAvailabilityOnH2(@TempDir Path dataDir) {
        try (MachineServiceHarness harness = MachineServiceHarness.startOnEmbeddedH2(dataDir)) {
            InternalUser owner = harness.users.addUser(Role.USER);
            InternalUser other = harness.users.addUser(Role.USER);
            String ownerToken = harness.authority.tokenFor(owner.publicId(), owner.aegisSpeedId(), Role.USER);
            String otherToken = harness.authority.tokenFor(other.publicId(), other.aegisSpeedId(), Role.USER);
            String code = newMachineCode();

            assertStandardEnvelope(harness.post(BY_ID_NUMBER, ownerToken, byIdNumber(owner.idNumber(), code)), 200, Codes.SUCCESS);
            assertStandardEnvelope(harness.post(BY_AEGISSPEED_ID, ownerToken, byAegisSpeedId(owner.aegisSpeedId(), code)),
                    200, Codes.SUCCESS);
            assertErrorEnvelope(harness.post(BY_AEGISSPEED_ID, otherToken, byAegisSpeedId(other.aegisSpeedId(), code)),
                    409, "10004");
            assertEquals("10002", harness.post(AVAILABILITY, null,
                    Map.of("user_id", owner.idNumber(), "machine_code", code)).envelope().get("code"));
            assertEquals("10003", harness.post(AVAILABILITY, null,
                    Map.of("user_id", other.idNumber(), "machine_code", code)).envelope().get("code"));
        }
    }
}
