package com.aegisspeed.user;

import com.aegisspeed.testsupport.EnvelopeAssertions;
import com.aegisspeed.testsupport.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code POST /user/info/modify_user_phone_number}. */
class ModifyPhoneTest {

    private static final String PATH = "/user/info/modify_user_phone_number";
    private static UserServiceHarness harness;

    @BeforeAll
    static void start() {
        harness = UserServiceHarness.start();
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    private static TestHttp.Reply change(String token, String phone) {
        return harness.post(PATH, token, "{\"user_phone_number\":\"" + phone + "\"}");
    }

    @Test
    void theNewNumberIsStoredAndAnsweredMasked() {
        Map<String, Object> user = harness.createUser();
        TestHttp.Reply reply = change(harness.tokenOf(user), "15912345678");
        EnvelopeAssertions.assertStandardEnvelope(reply, 200, "10000");
        assertEquals(Map.of("user_phone_number", "159****5678"), reply.data());
        assertEquals("15912345678", harness.internal("GET", "/internal/users/" + user.get("public_id"), null)
                .data().get("user_phone_number"));
    }

    @Test
    void keepingOnesOwnNumberIsFine() {
        Map<String, Object> user = harness.createUser();
        assertEquals(200, change(harness.tokenOf(user), (String) user.get("user_phone_number")).status());
    }

    @Test
    void aNumberOfAnotherUserAnswers409Code10003AndChangesNothing() {
        Map<String, Object> user = harness.createUser();
        Map<String, Object> other = harness.createUser();
        EnvelopeAssertions.assertErrorEnvelope(change(harness.tokenOf(user), (String) other.get("user_phone_number")), 409, "10003");
        assertEquals(user.get("user_phone_number"), harness.internal("GET", "/internal/users/" + user.get("public_id"), null)
                .data().get("user_phone_number"));
    }

    @Test
    void anInvalidNumberAnswers400Code10005() {
        String token = harness.tokenOf(harness.createUser());
        for (String invalid : new String[] {"", "1381234567", "23812345678", "12812345678", "138123456789", "1381234567a"}) {
            EnvelopeAssertions.assertErrorEnvelope(change(token, invalid), 400, "10005");
        }
        EnvelopeAssertions.assertErrorEnvelope(harness.post(PATH, token, "{}"), 400, "00005");
    }

    @Test
    void noValidTokenAnswers401Code10001() {
        EnvelopeAssertions.assertErrorEnvelope(change(null, "15912345670"), 401, "10001");
        EnvelopeAssertions.assertErrorEnvelope(change("not-a-token", "15912345670"), 401, "10001");
    }

    @Test
    void whenClosedForMaintenanceItAnswers403Code10002() {
        try (UserServiceHarness closed = UserServiceHarness.start(Map.of("aegis.maintenance.closed-endpoints", PATH))) {
            EnvelopeAssertions.assertErrorEnvelope(closed.post(PATH, closed.tokenOf(closed.bootstrapAdmin()),
                    "{\"user_phone_number\":\"15912345679\"}"), 403, "10002");
        }
    }
}
