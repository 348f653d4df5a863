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

/** {@code POST /user/login/login_admin_info_by_aegisspeed_id} (docs/api-auth-user.md): admin roles only. */
@ExtendWith(RealUserService.class)
class AdminLoginTest {

    private static final String PATH = "/user/login/login_admin_info_by_aegisspeed_id";
    private static AuthHarness harness;
    private static String adminAegisSpeedId;

    @BeforeAll
    static void start(RealUserService.Running users) {
        harness = AuthHarness.start(users);
        adminAegisSpeedId = (String) AuthHarness.claimsOf(harness.adminToken()).getClaim("aegisspeed_id");
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void anAdminLogsInAndGetsItsMaskedIdNumber() {
        TestHttp.Reply reply = harness.adminLogin(adminAegisSpeedId, RealUserService.ADMIN_PASSWORD);
        Map<String, Object> envelope = reply.envelope();
        assertEquals(200, reply.status(), reply.body());
        assertEquals("10000", envelope.get("code"));
        assertEquals("Login successful", envelope.get("result"));
        assertEquals(Map.of("user_id", "110***********0010"), envelope.get("data"));
        assertEquals(List.of("超级管理员"), AuthHarness.claimsOf((String) envelope.get("token")).getClaim("roles"));
    }

    @Test
    void anOrdinaryUserAnswers401Code10007() {
        Map<String, Object> user = harness.registeredUser();
        Object aegisSpeedId = AuthHarness.claimsOf((String) user.get("token")).getClaim("aegisspeed_id");
        EnvelopeAssertions.assertTokenErrorEnvelope(harness.adminLogin(aegisSpeedId, user.get("user_password")), 401, "10007");
    }

    @Test
    void aWrongPasswordAnswers401Code10001AndAnUnknownId10002() {
        EnvelopeAssertions.assertTokenErrorEnvelope(harness.adminLogin(adminAegisSpeedId, "not-the-password"), 401, "10001");
        EnvelopeAssertions.assertTokenErrorEnvelope(harness.adminLogin("ASD999995", "whatever-it-is"), 401, "10002");
    }

    @Test
    void aMalformedAegisSpeedIdAnswers400Code10006() {
        for (String invalid : new String[] {"", "AS000000", "ASD00001", "ASD0000001", "asd000001", "ASDABCDEF"}) {
            EnvelopeAssertions.assertTokenErrorEnvelope(harness.adminLogin(invalid, RealUserService.ADMIN_PASSWORD), 400, "10006");
        }
    }

    @Test
    void aPasswordNoAccountCanHaveAnswers400Code10005() {
        EnvelopeAssertions.assertTokenErrorEnvelope(harness.adminLogin(adminAegisSpeedId, ""), 400, "10005");
        EnvelopeAssertions.assertTokenErrorEnvelope(harness.adminLogin(adminAegisSpeedId, "short"), 400, "10005");
        EnvelopeAssertions.assertTokenErrorEnvelope(harness.adminLogin(adminAegisSpeedId, "x".repeat(129)), 400, "10005");
    }

    @Test
    void aMissingFieldIsAMalformedRequest() {
        EnvelopeAssertions.assertTokenErrorEnvelope(harness.http().postJson(PATH, "{\"user_password\":\"x\"}"), 400, "00005");
    }

    @Test
    void whenClosedForMaintenanceItAnswers403Code10003(RealUserService.Running users) {
        try (AuthHarness closed = AuthHarness.start(users, Map.of("aegis.maintenance.closed-endpoints", PATH))) {
            EnvelopeAssertions.assertTokenErrorEnvelope(
                    closed.adminLogin(adminAegisSpeedId, RealUserService.ADMIN_PASSWORD), 403, "10003");
        }
    }
}
