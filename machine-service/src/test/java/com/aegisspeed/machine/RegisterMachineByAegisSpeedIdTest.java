package com.aegisspeed.machine;

import com.aegisspeed.common.envelope.Codes;
import com.aegisspeed.common.identity.Role;
import com.aegisspeed.common.internal.InternalUser;
import com.aegisspeed.testsupport.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import static com.aegisspeed.machine.MachineServiceHarness.BY_AEGISSPEED_ID;
import static com.aegisspeed.machine.MachineServiceHarness.byAegisSpeedId;
import static com.aegisspeed.machine.MachineServiceHarness.newMachineCode;
import static com.aegisspeed.testsupport.EnvelopeAssertions.assertErrorEnvelope;
import static com.aegisspeed.testsupport.EnvelopeAssertions.assertStandardEnvelope;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code register_machine_info_by_aegisspeed_id}: the user's own token or any admin's. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegisterMachineByAegisSpeedIdTest {

    private MachineServiceHarness harness;

    @BeforeAll
    void start() {
        harness = MachineServiceHarness.start();
    }

    @AfterAll
    void stop() {
        harness.close();
    }

    @Test
    void ownTokenBindsTheMachine() {
        InternalUser user = harness.users.addUser(Role.USER);
        String code = newMachineCode();
        TestHttp.Reply reply = harness.post(BY_AEGISSPEED_ID, token(user), byAegisSpeedId(user.aegisSpeedId(), code));
        assertStandardEnvelope(reply, 200, Codes.SUCCESS);
        assertEquals(user.aegisSpeedId(), reply.data().get("user_AegisSpeed_id"));
        assertOwner(code, user);
    }

    @Test
    void everyAdminRoleMayBindForAnotherUser() {
        for (Role adminRole : List.of(Role.ORG_ADMIN, Role.ADMIN, Role.SUPER_ADMIN)) {
            InternalUser admin = harness.users.addUser(adminRole);
            InternalUser user = harness.users.addUser(Role.USER);
            String code = newMachineCode();
            assertStandardEnvelope(harness.post(BY_AEGISSPEED_ID, token(admin), byAegisSpeedId(user.aegisSpeedId(), code)),
                    200, Codes.SUCCESS);
            assertOwner(code, user);
        }
    }

    @Test
    void anOrdinaryUserMayNotBindForAnotherUser() {
        InternalUser user = harness.users.addUser(Role.USER);
        InternalUser other = harness.users.addUser(Role.USER);
        String code = newMachineCode();
        assertErrorEnvelope(harness.post(BY_AEGISSPEED_ID, token(user), byAegisSpeedId(other.aegisSpeedId(), code)),
                403, "10007");
        assertErrorEnvelope(harness.getInternal("/internal/machines/" + code, true), 404, "10002");
    }

    @Test
    void anUnknownAegisSpeedIdAnswers404With10003() {
        InternalUser admin = harness.users.addUser(Role.ADMIN);
        assertErrorEnvelope(harness.post(BY_AEGISSPEED_ID, token(admin), byAegisSpeedId("ASD000000", newMachineCode())),
                404, "10003");
    }

    @Test
    void invalidAegisSpeedIdsAnswer400With10002() {
        InternalUser admin = harness.users.addUser(Role.ADMIN);
        for (String invalid : List.of("AS000001", "ASD00001", "asd000001", "ASD0000012", "")) {
            assertErrorEnvelope(harness.post(BY_AEGISSPEED_ID, token(admin), byAegisSpeedId(invalid, newMachineCode())),
                    400, "10002");
        }
    }

    @Test
    void aRevokedTokenAnswers401With10001() {
        InternalUser user = harness.users.addUser(Role.USER);
        String token = token(user);
        // A fresh token first, so the service has loaded the revocation feed before the revocation.
        assertStandardEnvelope(harness.post(BY_AEGISSPEED_ID, token, byAegisSpeedId(user.aegisSpeedId(), newMachineCode())),
                200, Codes.SUCCESS);
        harness.authority.revoke(token);
        String code = newMachineCode();
        TestHttp.Reply reply = awaitStatus(401, () -> harness.post(BY_AEGISSPEED_ID, token, byAegisSpeedId(user.aegisSpeedId(), code)));
        assertErrorEnvelope(reply, 401, "10001");
    }

    private static TestHttp.Reply awaitStatus(int status, Supplier<TestHttp.Reply> request) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        TestHttp.Reply reply = request.get();
        while (reply.status() != status && System.nanoTime() < deadline) {
            reply = request.get();
        }
        return reply;
    }

    private String token(InternalUser user) {
        return harness.authority.tokenFor(user.publicId(), user.aegisSpeedId(), Role.fromLabel(user.role()).orElseThrow());
    }

    private void assertOwner(String machineCode, InternalUser owner) {
        TestHttp.Reply reply = harness.getInternal("/internal/machines/" + machineCode, true);
        assertStandardEnvelope(reply, 200, Codes.SUCCESS);
        assertEquals(owner.publicId(), reply.data().get("owner_public_id"));
    }
}
