package com.aegisspeed.machine;

import com.aegisspeed.common.envelope.Codes;
import com.aegisspeed.common.identity.Role;
import com.aegisspeed.common.internal.InternalUser;
import com.aegisspeed.testsupport.TestHttp;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
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

/** A user user-service marks {@code cheater} cannot bind machines (docs/contract.md), not even through an admin. */
class CheaterCannotBindTest {

    @Test
    void aCheaterIsRefusedWith10008AndTheCodeStaysFree() {
        try (MachineServiceHarness harness = MachineServiceHarness.start()) {
            InternalUser user = harness.users.addUser(Role.USER);
            InternalUser admin = harness.users.addUser(Role.ADMIN);
            String userToken = harness.authority.tokenFor(user.publicId(), user.aegisSpeedId(), Role.USER);
            String adminToken = harness.authority.tokenFor(admin.publicId(), admin.aegisSpeedId(), Role.ADMIN);
            String before = newMachineCode();
            assertStandardEnvelope(harness.post(BY_ID_NUMBER, userToken, byIdNumber(user.idNumber(), before)), 200, Codes.SUCCESS);

            markCheater(harness, user);

            String code = newMachineCode();
            assertErrorEnvelope(harness.post(BY_ID_NUMBER, userToken, byIdNumber(user.idNumber(), code)), 403, "10008");
            assertErrorEnvelope(harness.post(BY_AEGISSPEED_ID, userToken, byAegisSpeedId(user.aegisSpeedId(), code)), 403, "10008");
            assertErrorEnvelope(harness.post(BY_AEGISSPEED_ID, adminToken, byAegisSpeedId(user.aegisSpeedId(), code)), 403, "10008");
            assertErrorEnvelope(harness.getInternal("/internal/machines/" + code, true), 404, "10002");
            // The machine bound before the mark stays bound.
            assertEquals("10002", harness.post(AVAILABILITY, null,
                    Map.of("user_id", user.idNumber(), "machine_code", before)).envelope().get("code"));
        }
    }

    /** As anticheat-service does it: through user-service's internal API, which the test directory records. */
    private static void markCheater(MachineServiceHarness harness, InternalUser user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(harness.users.uri().resolve("/internal/users/" + user.publicId() + "/state"))
                .header("X-Aegis-Internal", harness.users.internalSecret())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"user_state\":\"cheater\"}"));
        new TestHttp(harness.users.uri()).send(request);
        assertEquals(InternalUser.CHEATER, harness.users.user(user.publicId()).state());
    }
}
