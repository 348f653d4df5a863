package com.aegisspeed.machine;

import com.aegisspeed.common.envelope.Codes;
import com.aegisspeed.common.identity.Role;
import com.aegisspeed.common.internal.InternalUser;
import com.aegisspeed.testsupport.TestHttp;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.aegisspeed.machine.MachineServiceHarness.BY_ID_NUMBER;
import static com.aegisspeed.machine.MachineServiceHarness.byIdNumber;
import static com.aegisspeed.machine.MachineServiceHarness.newMachineCode;
import static com.aegisspeed.testsupport.EnvelopeAssertions.assertErrorEnvelope;
import static com.aegisspeed.testsupport.EnvelopeAssertions.assertStandardEnvelope;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code GET /internal/machines/{machineCode}}: the owner lookup anticheat-service relies on, behind the internal secret. */
class InternalMachineApiTest {

    @Test
    void answersTheOwnerOnlyToCallersWithTheInternalSecret() {
        try (MachineServiceHarness harness = MachineServiceHarness.start()) {
            InternalUser user = harness.users.addUser(Role.USER);
            String code = newMachineCode();
            String token = harness.authority.tokenFor(user.publicId(), user.aegisSpeedId(), Role.USER);
            assertStandardEnvelope(harness.post(BY_ID_NUMBER, token, byIdNumber(user.idNumber(), code)), 200, Codes.SUCCESS);

            TestHttp.Reply owner = harness.getInternal("/internal/machines/" + code, true);
            assertStandardEnvelope(owner, 200, Codes.SUCCESS);
            assertEquals(Map.of("machine_code", code, "owner_public_id", user.publicId()),
                    Map.of("machine_code", owner.data().get("machine_code"), "owner_public_id", owner.data().get("owner_public_id")));
            assertEquals(true, ((String) owner.data().get("bound_at")).endsWith("Z"));

            assertErrorEnvelope(harness.getInternal("/internal/machines/" + code, false), 403, Codes.ENDPOINT_NOT_OPEN);
            assertErrorEnvelope(harness.getInternal("/internal/machines/" + newMachineCode(), true), 404, "10002");
        }
    }
}
