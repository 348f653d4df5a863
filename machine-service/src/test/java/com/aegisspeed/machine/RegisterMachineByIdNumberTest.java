package com.aegisspeed.machine;

import com.aegisspeed.common.envelope.Codes;
import com.aegisspeed.common.identity.Role;
import com.aegisspeed.common.internal.InternalUser;
import com.aegisspeed.testsupport.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static com.aegisspeed.machine.MachineServiceHarness.BY_ID_NUMBER;
import static com.aegisspeed.machine.MachineServiceHarness.byIdNumber;
import static com.aegisspeed.machine.MachineServiceHarness.newMachineCode;
import static com.aegisspeed.testsupport.EnvelopeAssertions.assertErrorEnvelope;
import static com.aegisspeed.testsupport.EnvelopeAssertions.assertStandardEnvelope;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code register_machine_info}: binding by ID number with the user's own token, every documented code. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegisterMachineByIdNumberTest {

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
        TestHttp.Reply reply = harness.post(BY_ID_NUMBER, token(user), byIdNumber(user.idNumber(), code));
        assertStandardEnvelope(reply, 200, Codes.SUCCESS);
        assertEquals(code, reply.data().get("machine_code"));
        assertEquals(user.aegisSpeedId(), reply.data().get("user_AegisSpeed_id"));
        assertOwner(code, user);
    }

    @Test
    void bindingTheSameCodeToTheSameUserAgainSucceedsAndRefreshesTheFields() {
        InternalUser user = harness.users.addUser(Role.USER);
        String code = newMachineCode();
        TestHttp.Reply first = harness.post(BY_ID_NUMBER, token(user), byIdNumber(user.idNumber(), code));
        assertStandardEnvelope(first, 200, Codes.SUCCESS);
        Map<String, Object> again = byIdNumber(user.idNumber(), code);
        again.put("machine_os_version", "10.0.26100");
        TestHttp.Reply second = harness.post(BY_ID_NUMBER, token(user), again);
        assertStandardEnvelope(second, 200, Codes.SUCCESS);
        assertEquals(first.data().get("bound_at"), second.data().get("bound_at"));
        assertOwner(code, user);
    }

    @Test
    void aCodeBoundToAnotherUserIsRefusedWith409() {
        InternalUser owner = harness.users.addUser(Role.USER);
        InternalUser other = harness.users.addUser(Role.USER);
        String code = newMachineCode();
        assertStandardEnvelope(harness.post(BY_ID_NUMBER, token(owner), byIdNumber(owner.idNumber(), code)), 200, Codes.SUCCESS);
        assertErrorEnvelope(harness.post(BY_ID_NUMBER, token(other), byIdNumber(other.idNumber(), code)), 409, "10004");
        assertOwner(code, owner);
    }

    @Test
    void anotherUsersIdNumberIsRefusedWith403EvenForAnAdmin() {
        InternalUser user = harness.users.addUser(Role.USER);
        InternalUser admin = harness.users.addUser(Role.SUPER_ADMIN);
        String code = newMachineCode();
        assertErrorEnvelope(harness.post(BY_ID_NUMBER, token(admin), byIdNumber(user.idNumber(), code)), 403, "10007");
        assertNoOwner(code);
    }

    @Test
    void aTokenWhoseUserNoLongerExistsAnswers404() {
        String ghostToken = harness.authority.tokenFor("00000000-0000-0000-0000-000000000000", "ASD999999", Role.USER);
        InternalUser user = harness.users.addUser(Role.USER);
        assertErrorEnvelope(harness.post(BY_ID_NUMBER, ghostToken, byIdNumber(user.idNumber(), newMachineCode())), 404, "10003");
    }

    @Test
    void invalidIdNumberAnswers400With10002() {
        InternalUser user = harness.users.addUser(Role.USER);
        String wrongCheckCharacter = user.idNumber().substring(0, 17) + (user.idNumber().endsWith("1") ? "2" : "1");
        for (String invalid : List.of(wrongCheckCharacter, "110101", "", "11010119900101123X1")) {
            Map<String, Object> envelope = assertErrorEnvelope(
                    harness.post(BY_ID_NUMBER, token(user), byIdNumber(invalid, newMachineCode())), 400, "10002");
            assertEquals("Invalid user ID number", envelope.get("result"));
        }
    }

    @Test
    void everyInvalidMachineFieldAnswers400With10002AndBindsNothing() {
        InternalUser user = harness.users.addUser(Role.USER);
        Map<String, Object> invalidValues = Map.ofEntries(
                Map.entry("machine_code", "abcd1234efgh5678ijkl9012mnop345"),
                Map.entry("windows_uuid", ""),
                Map.entry("windows_product_id", "x".repeat(65)),
                Map.entry("machine_os_name", "   "),
                Map.entry("machine_os_version", "10.0\n22631"),
                Map.entry("machine_architecture", "x".repeat(33)),
                Map.entry("machine_architecture_type", ""),
                Map.entry("machine_platform", "x".repeat(33)),
                Map.entry("machine_cpu", "x".repeat(129)),
                Map.entry("machine_motherboard", ""),
                Map.entry("machine_mac_address", "00:11:22:33:44"));
        for (Map.Entry<String, Object> invalid : invalidValues.entrySet()) {
            String code = newMachineCode();
            Map<String, Object> body = byIdNumber(user.idNumber(), code);
            body.put(invalid.getKey(), invalid.getValue());
            Map<String, Object> envelope = assertErrorEnvelope(harness.post(BY_ID_NUMBER, token(user), body), 400, "10002");
            assertEquals(true, ((String) envelope.get("result")).contains(invalid.getKey()), envelope.toString());
            assertNoOwner(code);
        }
    }

    @Test
    void macAddressesWithDashesOrLowerCaseAreAccepted() {
        InternalUser user = harness.users.addUser(Role.USER);
        for (String mac : List.of("aa-bb-cc-dd-ee-ff", "AA:bb:CC:dd:EE:ff")) {
            Map<String, Object> body = byIdNumber(user.idNumber(), newMachineCode());
            body.put("machine_mac_address", mac);
            assertStandardEnvelope(harness.post(BY_ID_NUMBER, token(user), body), 200, Codes.SUCCESS);
        }
        Map<String, Object> mixedSeparators = byIdNumber(user.idNumber(), newMachineCode());
        mixedSeparators.put("machine_mac_address", "aa:bb-cc:dd:ee:ff");
        assertErrorEnvelope(harness.post(BY_ID_NUMBER, token(user), mixedSeparators), 400, "10002");
    }

    @Test
    void aMissingFieldIsAMalformedRequest() {
        InternalUser user = harness.users.addUser(Role.USER);
        Map<String, Object> body = byIdNumber(user.idNumber(), newMachineCode());
        body.remove("machine_cpu");
        assertErrorEnvelope(harness.post(BY_ID_NUMBER, token(user), body), 400, Codes.MALFORMED_REQUEST);
    }

    @Test
    void missingOrInvalidTokensAnswer401With10001() {
        InternalUser user = harness.users.addUser(Role.USER);
        Map<String, Object> body = byIdNumber(user.idNumber(), newMachineCode());
        assertErrorEnvelope(harness.post(BY_ID_NUMBER, null, body), 401, "10001");
        assertErrorEnvelope(harness.post(BY_ID_NUMBER, "not.a.token", body), 401, "10001");
        String foreign = harness.authority.signWithForeignKey(
                harness.authority.claims(user.publicId(), user.aegisSpeedId(), Role.USER).build());
        assertErrorEnvelope(harness.post(BY_ID_NUMBER, foreign, body), 401, "10001");
        assertNoOwner((String) body.get("machine_code"));
    }

    @Test
    void userServiceDownAnswers500With10005() {
        InternalUser user = harness.users.addUser(Role.USER);
        String token = token(user);
        String code = newMachineCode();
        harness.users.stop();
        try {
            assertErrorEnvelope(harness.post(BY_ID_NUMBER, token, byIdNumber(user.idNumber(), code)), 500, "10005");
        } finally {
            harness.users.restart();
        }
        assertNoOwner(code);
    }

    private String token(InternalUser user) {
        return harness.authority.tokenFor(user.publicId(), user.aegisSpeedId(), Role.fromLabel(user.role()).orElseThrow());
    }

    private void assertOwner(String machineCode, InternalUser owner) {
        TestHttp.Reply reply = harness.getInternal("/internal/machines/" + machineCode, true);
        assertStandardEnvelope(reply, 200, Codes.SUCCESS);
        assertEquals(owner.publicId(), reply.data().get("owner_public_id"));
    }

    private void assertNoOwner(String machineCode) {
        assertErrorEnvelope(harness.getInternal("/internal/machines/" + machineCode, true), 404, "10002");
    }
}
