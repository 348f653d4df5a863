package com.aegisspeed.auth;

import com.aegisspeed.testsupport.EnvelopeAssertions;
import com.aegisspeed.testsupport.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** {@code POST /user/login/login_user_info} (docs/api-auth-user.md) against the real user-service. */
@ExtendWith(RealUserService.class)
class LoginTest {

    private static final String PATH = "/user/login/login_user_info";
    private static AuthHarness harness;

    @BeforeAll
    static void start(RealUserService.Running users) {
        harness = AuthHarness.start(users);
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void theRightPasswordAnswersANewTokenAndEmptyData() {
        Map<String, Object> user = harness.registeredUser();
        TestHttp.Reply reply = harness.login(user.get("user_id"), user.get("user_password"));
        Map<String, Object> envelope = reply.envelope();
        assertEquals(200, reply.status(), reply.body());
        assertEquals("10000", envelope.get("code"));
        assertEquals("Login successful", envelope.get("result"));
        assertEquals(Map.of(), envelope.get("data"));
        String token = (String) envelope.get("token");
        assertNotEquals(user.get("token"), token);
        assertEquals(AuthHarness.claimsOf((String) user.get("token")).getSubject(), AuthHarness.claimsOf(token).getSubject());
        assertEquals(List.of("用户"), AuthHarness.claimsOf(token).getClaim("roles"));
    }

    @Test
    void aLowerCaseCheckCharacterLogsIntoTheSameAccount() {
        TestHttp.Reply reply = harness.login(RealUserService.ADMIN_ID_NUMBER.toLowerCase(), RealUserService.ADMIN_PASSWORD);
        assertEquals(200, reply.status(), reply.body());
    }

    @Test
    void aWrongPasswordAnswers401Code10001() {
        Map<String, Object> user = harness.registeredUser();
        TestHttp.Reply reply = harness.login(user.get("user_id"), "not-the-password");
        EnvelopeAssertions.assertTokenErrorEnvelope(reply, 401, "10001");
        assertEquals("Invalid username or password", reply.envelope().get("result"));
    }

    @Test
    void anUnknownOrImpossibleIdNumberAnswers401Code10002() {
        TestHttp.Reply unknown = harness.login(harness.newUserFields().get("user_id"), "whatever-it-is");
        EnvelopeAssertions.assertTokenErrorEnvelope(unknown, 401, "10002");
        assertEquals("User does not exist", unknown.envelope().get("result"));
        EnvelopeAssertions.assertTokenErrorEnvelope(harness.login("not-an-id-number", "whatever-it-is"), 401, "10002");
    }

    @Test
    void aMissingFieldIsAMalformedRequest() {
        EnvelopeAssertions.assertTokenErrorEnvelope(harness.http().postJson(PATH, "{\"user_id\":\"x\"}"), 400, "00005");
        EnvelopeAssertions.assertTokenErrorEnvelope(harness.http().postJson(PATH, "not json"), 400, "00005");
    }

    @Test
    void whenClosedForMaintenanceItAnswers403Code10003(RealUserService.Running users) {
        try (AuthHarness closed = AuthHarness.start(users, Map.of("aegis.maintenance.closed-endpoints", PATH))) {
            EnvelopeAssertions.assertTokenErrorEnvelope(
                    closed.login(RealUserService.ADMIN_ID_NUMBER, RealUserService.ADMIN_PASSWORD), 403, "10003");
        }
    }
}
