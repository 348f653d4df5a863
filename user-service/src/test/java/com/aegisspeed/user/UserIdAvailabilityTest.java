package com.aegisspeed.user;

import com.aegisspeed.testsupport.EnvelopeAssertions;
import com.aegisspeed.testsupport.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code POST /verify/verify_is_user_id_available}: availability envelope, {@code result: true} = registered. */
class UserIdAvailabilityTest {

    private static final String PATH = "/verify/verify_is_user_id_available";
    private static UserServiceHarness harness;

    @BeforeAll
    static void start() {
        harness = UserServiceHarness.start();
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void aRegisteredIdNumberAnswers10003True() {
        Map<String, Object> user = harness.createUser();
        TestHttp.Reply reply = harness.http().postJson(PATH, "{\"user_id\":\"" + user.get("user_id") + "\"}");
        assertEquals(Map.of("status", 200, "code", "10003", "info", "User ID number already registered", "result", true),
                reply.envelope());
    }

    @Test
    void aLowerCaseCheckCharacterFindsTheSameNumber() {
        Map<String, Object> fields = harness.newUserFields();
        String first17 = "11010519491231002"; // check character X
        fields.put("user_id", first17 + "X");
        harness.createUser(fields);
        TestHttp.Reply reply = harness.http().postJson(PATH, "{\"user_id\":\"" + first17 + "x\"}");
        assertEquals(true, reply.envelope().get("result"), reply.body());
    }

    @Test
    void anUnregisteredIdNumberAnswers10000False() {
        TestHttp.Reply reply = harness.http().postJson(PATH, "{\"user_id\":\"" + harness.newUserFields().get("user_id") + "\"}");
        assertEquals(Map.of("status", 200, "code", "10000", "info", "User ID number not registered", "result", false),
                reply.envelope());
    }

    @Test
    void anInvalidIdNumberAnswers400Code10002() {
        // Empty, too short, wrong check character, month 13, region 99, born in 3000, 30 February, too long.
        for (String invalid : new String[] {"", "11010519900101001", "110105199001010011", "110105199013010018",
                "990105199001010014", "110105300001010014", "11010519900230001X", "1101051990010100100"}) {
            EnvelopeAssertions.assertAvailabilityErrorEnvelope(
                    harness.http().postJson(PATH, "{\"user_id\":\"" + invalid + "\"}"), 400, "10002");
        }
    }

    @Test
    void aMissingFieldIsAMalformedRequest() {
        EnvelopeAssertions.assertAvailabilityErrorEnvelope(harness.http().postJson(PATH, "{}"), 400, "00005");
    }

    @Test
    void whenClosedForMaintenanceItAnswers403Code10001() {
        try (UserServiceHarness closed = UserServiceHarness.start(Map.of("aegis.maintenance.closed-endpoints", PATH))) {
            EnvelopeAssertions.assertAvailabilityErrorEnvelope(
                    closed.http().postJson(PATH, "{\"user_id\":\"" + UserServiceHarness.ADMIN_ID_NUMBER + "\"}"), 403, "10001");
        }
    }
}
