package com.aegisspeed.auth;

import com.aegisspeed.testsupport.EnvelopeAssertions;
import com.aegisspeed.testsupport.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code POST /user/login_admin_info/verify/get_secret_admin_password} and the internal check other services
 * make ({@code /internal/admin-secrets/verify}): valid 10 minutes, for the token it was issued to, stored hashed.
 */
@ExtendWith(RealUserService.class)
class AdminSecretTest {

    private static final String PATH = "/user/login_admin_info/verify/get_secret_admin_password";
    private static AuthHarness harness;

    @BeforeAll
    static void start(RealUserService.Running users) {
        harness = AuthHarness.start(users);
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    private static TestHttp.Reply requestSecret(String token, String password) {
        return harness.post(PATH, token, "{\"user_password\":\"" + password + "\"}");
    }

    private static boolean verify(String secret, String token) {
        TestHttp.Reply reply = harness.internal("POST", "/internal/admin-secrets/verify",
                "{\"admin_secret\":\"" + secret + "\",\"jti\":\"" + AuthHarness.claimsOf(token).getJWTID() + "\"}");
        assertEquals(200, reply.status(), reply.body());
        return (Boolean) reply.data().get("valid");
    }

    @Test
    void anAdminGetsASecretValidTenMinutesForItsTokenOnly() throws Exception {
        String token = harness.adminToken();
        String otherToken = harness.adminToken();
        TestHttp.Reply reply = requestSecret(token, RealUserService.ADMIN_PASSWORD);
        EnvelopeAssertions.assertStandardEnvelope(reply, 200, "10000");
        String secret = (String) reply.data().get("admin_secret");
        assertEquals(600, ((Number) reply.data().get("expires_in")).intValue());
        assertTrue(secret.length() >= 32, secret);

        assertTrue(verify(secret, token));
        assertEquals(false, verify(secret, otherToken));
        assertEquals(false, verify(secret + "x", token));

        List<List<Object>> stored = harness.query("SELECT secret_hash FROM admin_secrets");
        assertTrue(stored.stream().noneMatch(row -> row.get(0).toString().contains(secret)), stored.toString());

        harness.clock.advance(Duration.ofSeconds(599));
        assertTrue(verify(secret, token));
        harness.clock.advance(Duration.ofSeconds(1));
        assertEquals(false, verify(secret, token));
    }

    @Test
    void aNewSecretReplacesThePreviousOneOfTheSameToken() {
        String token = harness.adminToken();
        String first = (String) requestSecret(token, RealUserService.ADMIN_PASSWORD).data().get("admin_secret");
        String second = (String) requestSecret(token, RealUserService.ADMIN_PASSWORD).data().get("admin_secret");
        assertNotEquals(first, second);
        assertEquals(false, verify(first, token));
        assertTrue(verify(second, token));
    }

    @Test
    void loggingOutDropsTheSecret() {
        String token = harness.adminToken();
        String secret = (String) requestSecret(token, RealUserService.ADMIN_PASSWORD).data().get("admin_secret");
        assertEquals(200, harness.logout(token).status());
        assertEquals(false, verify(secret, token));
    }

    @Test
    void aWrongPasswordAnswers401Code10004() {
        EnvelopeAssertions.assertErrorEnvelope(requestSecret(harness.adminToken(), "not-the-password"), 401, "10004");
    }

    @Test
    void anOrdinaryUsersTokenAnswers401Code10005() {
        Map<String, Object> user = harness.registeredUser();
        EnvelopeAssertions.assertErrorEnvelope(requestSecret((String) user.get("token"), (String) user.get("user_password")), 401, "10005");
    }

    @Test
    void withoutAValidTokenItAnswers401Code10001() {
        EnvelopeAssertions.assertErrorEnvelope(requestSecret(null, RealUserService.ADMIN_PASSWORD), 401, "10001");
        String token = harness.adminToken();
        assertEquals(200, harness.logout(token).status());
        EnvelopeAssertions.assertErrorEnvelope(requestSecret(token, RealUserService.ADMIN_PASSWORD), 401, "10001");
    }

    @Test
    void aMissingPasswordIsAMalformedRequest() {
        EnvelopeAssertions.assertErrorEnvelope(harness.post(PATH, harness.adminToken(), "{}"), 400, "00005");
    }

    @Test
    void theInternalCheckNeedsTheInternalSecret() {
        TestHttp.Reply reply = harness.http().postJson("/internal/admin-secrets/verify", "{\"admin_secret\":\"x\",\"jti\":\"y\"}");
        EnvelopeAssertions.assertErrorEnvelope(reply, 403, "00000");
    }

    @Test
    void whenClosedForMaintenanceItAnswers403Code10002(RealUserService.Running users) {
        try (AuthHarness closed = AuthHarness.start(users, Map.of("aegis.maintenance.closed-endpoints", PATH))) {
            EnvelopeAssertions.assertErrorEnvelope(closed.post(PATH, closed.adminToken(),
                    "{\"user_password\":\"" + RealUserService.ADMIN_PASSWORD + "\"}"), 403, "10002");
        }
    }
}
