package com.aegisspeed.user;

import com.aegisspeed.testsupport.EnvelopeAssertions;
import com.aegisspeed.testsupport.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code GET /user/info/get_admin_info}: an admin token plus the dynamic admin secret bound to it
 * ({@code X-Admin-Secret}, checked with auth-service's internal API).
 */
class AdminInfoTest {

    private static final String PATH = "/user/info/get_admin_info";
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
    void anAdminTokenWithItsSecretGetsTheAdminsAegisSpeedIdAndNickname() {
        Map<String, Object> admin = harness.bootstrapAdmin();
        String token = harness.tokenOf(admin);
        String secret = harness.authority.issueAdminSecret(token);
        TestHttp.Reply reply = harness.get(PATH, token, "X-Admin-Secret", secret);
        EnvelopeAssertions.assertStandardEnvelope(reply, 200, "10000");
        assertEquals(Map.of("admin_AegisSpeed_id", admin.get("user_AegisSpeed_id"), "admin_nickname", "Admin"), reply.data());
    }

    @Test
    void aMissingWrongOrAnotherTokensSecretAnswers401Code10004() {
        Map<String, Object> admin = harness.bootstrapAdmin();
        String token = harness.tokenOf(admin);
        String otherToken = harness.tokenOf(admin);
        String otherTokensSecret = harness.authority.issueAdminSecret(otherToken);
        EnvelopeAssertions.assertErrorEnvelope(harness.get(PATH, token), 401, "10004");
        EnvelopeAssertions.assertErrorEnvelope(harness.get(PATH, token, "X-Admin-Secret", "guessed"), 401, "10004");
        EnvelopeAssertions.assertErrorEnvelope(harness.get(PATH, token, "X-Admin-Secret", otherTokensSecret), 401, "10004");
    }

    @Test
    void anOrdinaryUsersTokenAnswers401Code10004() {
        Map<String, Object> user = harness.createUser();
        String token = harness.tokenOf(user);
        String secret = harness.authority.issueAdminSecret(token);
        EnvelopeAssertions.assertErrorEnvelope(harness.get(PATH, token, "X-Admin-Secret", secret), 401, "10004");
    }

    @Test
    void noValidTokenAnswers401Code10001() {
        EnvelopeAssertions.assertErrorEnvelope(harness.get(PATH, null, "X-Admin-Secret", "anything"), 401, "10001");
        EnvelopeAssertions.assertErrorEnvelope(harness.get(PATH, "not-a-token", "X-Admin-Secret", "anything"), 401, "10001");
    }

    @Test
    void whenAuthServiceCannotBeAskedItAnswers500Code10003() {
        Map<String, Object> admin = harness.bootstrapAdmin();
        String token = harness.tokenOf(admin);
        String secret = harness.authority.issueAdminSecret(token);
        assertEquals(200, harness.get(PATH, token, "X-Admin-Secret", secret).status());
        harness.authority.stop();
        try {
            EnvelopeAssertions.assertErrorEnvelope(harness.get(PATH, token, "X-Admin-Secret", secret), 500, "10003");
        } finally {
            harness.authority.restart();
        }
    }

    @Test
    void whenClosedForMaintenanceItAnswers403Code10002() {
        try (UserServiceHarness closed = UserServiceHarness.start(Map.of("aegis.maintenance.closed-endpoints", PATH))) {
            String token = closed.tokenOf(closed.bootstrapAdmin());
            EnvelopeAssertions.assertErrorEnvelope(
                    closed.get(PATH, token, "X-Admin-Secret", closed.authority.issueAdminSecret(token)), 403, "10002");
        }
    }
}
