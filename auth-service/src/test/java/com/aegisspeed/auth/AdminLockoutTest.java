package com.aegisspeed.auth;

import com.aegisspeed.testsupport.EnvelopeAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Strangers cannot lock an admin out (docs/security.md): an admin account's failures lock it only for the address
 * they come from, the dynamic-secret re-entry (which needs a valid admin token) has a budget anonymous logins
 * cannot spend, and guessing from many addresses is still bounded by the account's budget over all addresses.
 */
@ExtendWith(RealUserService.class)
class AdminLockoutTest {

    private static final String ADMIN_LOGIN = "/user/login/login_admin_info_by_aegisspeed_id";
    private static final String SECRET = "/user/login_admin_info/verify/get_secret_admin_password";

    private static AuthHarness.Answer adminLogin(AuthHarness harness, String from, String aegisSpeedId, String password) {
        return harness.postFrom(from, ADMIN_LOGIN, AuthHarness.json(
                Map.of("user_AegisSpeed_id", aegisSpeedId, "user_password", password)));
    }

    @Test
    void anonymousWrongAdminLoginsLockOnlyTheirOwnAddressAndNotTheSecretReentry(RealUserService.Running users) {
        try (AuthHarness harness = AuthHarness.start(users)) {
            String aegisSpeedId = (String) AuthHarness.claimsOf(harness.adminToken()).getClaim("aegisspeed_id");
            for (int i = 0; i < 5; i++) {
                EnvelopeAssertions.assertTokenErrorEnvelope(
                        adminLogin(harness, "203.0.113.66", aegisSpeedId, "wrong-password").reply(), 401, "10001");
            }
            AuthHarness.Answer stranger = adminLogin(harness, "203.0.113.66", aegisSpeedId, RealUserService.ADMIN_PASSWORD);
            EnvelopeAssertions.assertTokenErrorEnvelope(stranger.reply(), 429, "00001");
            assertEquals("60", stranger.retryAfter().orElseThrow());

            AuthHarness.Answer admin = adminLogin(harness, "198.51.100.10", aegisSpeedId, RealUserService.ADMIN_PASSWORD);
            assertEquals(200, admin.status(), admin.reply().body());
            String token = (String) admin.reply().envelope().get("token");
            assertEquals(200, harness.post(SECRET, token, "{\"user_password\":\"" + RealUserService.ADMIN_PASSWORD + "\"}",
                    "X-Forwarded-For", "203.0.113.66").status());
        }
    }

    @Test
    void guessesFromManyAddressesAreStillBoundedByTheAccountsBudget(RealUserService.Running users) {
        try (AuthHarness harness = AuthHarness.start(users)) {
            String aegisSpeedId = (String) AuthHarness.claimsOf(harness.adminToken()).getClaim("aegisspeed_id");
            for (int address = 1; address <= 10; address++) {
                for (int i = 0; i < 5; i++) {
                    assertEquals(401, adminLogin(harness, "192.0.2." + address, aegisSpeedId, "wrong-password").status());
                }
            }
            AuthHarness.Answer fresh = adminLogin(harness, "198.51.100.20", aegisSpeedId, RealUserService.ADMIN_PASSWORD);
            EnvelopeAssertions.assertTokenErrorEnvelope(fresh.reply(), 429, "00001");
            harness.clock.advance(Duration.ofSeconds(Long.parseLong(fresh.retryAfter().orElseThrow())));
            assertEquals(200, adminLogin(harness, "198.51.100.20", aegisSpeedId, RealUserService.ADMIN_PASSWORD).status());
        }
    }

    @Test
    void wrongSecretReentriesLockTheReentryButNotTheAdminLogin(RealUserService.Running users) {
        try (AuthHarness harness = AuthHarness.start(users)) {
            String token = harness.adminToken();
            String aegisSpeedId = (String) AuthHarness.claimsOf(token).getClaim("aegisspeed_id");
            for (int i = 0; i < 5; i++) {
                EnvelopeAssertions.assertErrorEnvelope(harness.post(SECRET, token, "{\"user_password\":\"wrong-password\"}"),
                        401, "10004");
            }
            EnvelopeAssertions.assertErrorEnvelope(harness.post(SECRET, token,
                    "{\"user_password\":\"" + RealUserService.ADMIN_PASSWORD + "\"}"), 429, "00001");
            assertEquals(200, adminLogin(harness, "198.51.100.30", aegisSpeedId, RealUserService.ADMIN_PASSWORD).status());
        }
    }
}
