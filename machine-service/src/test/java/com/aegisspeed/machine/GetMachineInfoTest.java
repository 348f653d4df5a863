package com.aegisspeed.machine;

import com.aegisspeed.common.envelope.Codes;
import com.aegisspeed.common.identity.Role;
import com.aegisspeed.common.internal.InternalUser;
import com.aegisspeed.testsupport.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static com.aegisspeed.machine.MachineServiceHarness.BY_AEGISSPEED_ID;
import static com.aegisspeed.machine.MachineServiceHarness.byAegisSpeedId;
import static com.aegisspeed.machine.MachineServiceHarness.newMachineCode;
import static com.aegisspeed.testsupport.EnvelopeAssertions.assertErrorEnvelope;
import static com.aegisspeed.testsupport.EnvelopeAssertions.assertStandardEnvelope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code get_machine_info}: a user's bound machines, whole codes for the owner only, any user's for admins. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GetMachineInfoTest {

    private static final String PATH = "/machine/info/get_machine_info";

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
    void theOwnerSeesEveryBoundMachineWholeWithItsBindTimeAndHardware() {
        InternalUser user = harness.users.addUser(Role.USER);
        String first = bind(user);
        String second = bind(user);
        bind(harness.users.addUser(Role.USER)); // someone else's machine is not listed

        TestHttp.Reply reply = get(token(user), null);
        assertStandardEnvelope(reply, 200, Codes.SUCCESS);
        assertEquals(user.aegisSpeedId(), reply.data().get("user_AegisSpeed_id"));
        List<Map<String, Object>> machines = machines(reply);
        assertEquals(List.of(first, second).stream().sorted().toList(),
                machines.stream().map(m -> (String) m.get("machine_code")).sorted().toList());
        Map<String, Object> machine = machines.get(0);
        assertTrue(((String) machine.get("bound_at")).endsWith("Z"), machine.toString());
        assertEquals("Microsoft Windows 11", machine.get("machine_os_name"));
        assertEquals(12, machine.size(), "the code, the bind time and the ten hardware fields");
    }

    @Test
    void aUserWithoutMachinesGetsAnEmptyList() {
        InternalUser user = harness.users.addUser(Role.USER);
        TestHttp.Reply reply = get(token(user), user.aegisSpeedId());
        assertStandardEnvelope(reply, 200, Codes.SUCCESS);
        assertEquals(List.of(), reply.data().get("machines"));
    }

    @Test
    void anAdminSeesAnotherUsersMachinesWithMaskedCodes() {
        InternalUser user = harness.users.addUser(Role.USER);
        String code = bind(user);
        InternalUser admin = harness.users.addUser(Role.ORG_ADMIN);
        TestHttp.Reply reply = get(token(admin), user.aegisSpeedId());
        assertStandardEnvelope(reply, 200, Codes.SUCCESS);
        assertEquals(user.aegisSpeedId(), reply.data().get("user_AegisSpeed_id"));
        String shown = (String) machines(reply).get(0).get("machine_code");
        assertEquals(code.substring(0, 4) + "*".repeat(24) + code.substring(28), shown);
    }

    @Test
    void aUserAskingForAnotherUserIsRefusedAndLearnsNothing() {
        InternalUser user = harness.users.addUser(Role.USER);
        InternalUser other = harness.users.addUser(Role.USER);
        bind(other);
        assertErrorEnvelope(get(token(user), other.aegisSpeedId()), 403, "10005");
        assertErrorEnvelope(get(token(user), "ASD000000"), 403, "10005");
    }

    @Test
    void badInputUnknownUsersAndBadTokensAnswerTheirCodes() {
        InternalUser admin = harness.users.addUser(Role.ADMIN);
        assertErrorEnvelope(get(token(admin), "ASD12"), 400, "10004");
        assertErrorEnvelope(get(token(admin), "ASD000000"), 404, "10006");
        assertErrorEnvelope(get(null, null), 401, "10001");
        assertErrorEnvelope(get("not-a-token", null), 401, "10001");
    }

    private String bind(InternalUser user) {
        String code = newMachineCode();
        assertStandardEnvelope(harness.post(BY_AEGISSPEED_ID, token(user), byAegisSpeedId(user.aegisSpeedId(), code)),
                200, Codes.SUCCESS);
        return code;
    }

    private TestHttp.Reply get(String token, String aegisSpeedId) {
        String query = aegisSpeedId == null ? "" : "?user_AegisSpeed_id=" + URLEncoder.encode(aegisSpeedId, StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(harness.http.uri(PATH + query)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return harness.http.send(request);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> machines(TestHttp.Reply reply) {
        return (List<Map<String, Object>>) reply.data().get("machines");
    }

    private String token(InternalUser user) {
        return harness.authority.tokenFor(user.publicId(), user.aegisSpeedId(), Role.fromLabel(user.role()).orElseThrow());
    }
}
