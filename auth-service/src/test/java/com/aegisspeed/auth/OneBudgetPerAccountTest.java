package com.aegisspeed.auth;

import com.aegisspeed.testsupport.EnvelopeAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An account has one budget of failures, whichever identifier the attempts name it by: guesses by ID number and by
 * AegisSpeed ID add up, and a lock reached on one path closes the other.
 */
@ExtendWith(RealUserService.class)
class OneBudgetPerAccountTest {

    private static final String ADMIN_LOGIN = "/user/login/login_admin_info_by_aegisspeed_id";

    @Test
    void failuresByIdNumberAndByAegisSpeedIdCountOnTheSameAccount(RealUserService.Running users) {
        try (AuthHarness harness = AuthHarness.start(users)) {
            Map<String, Object> user = harness.registeredUser();
            Object aegisSpeedId = AuthHarness.claimsOf((String) user.get("token")).getClaim("aegisspeed_id");
            for (int i = 0; i < 3; i++) {
                assertEquals(401, harness.loginFrom("203.0.113.1", user.get("user_id"), "wrong-password").status());
            }
            for (int i = 0; i < 2; i++) {
                assertEquals(401, harness.postFrom("203.0.113.2", ADMIN_LOGIN, AuthHarness.json(
                        Map.of("user_AegisSpeed_id", aegisSpeedId, "user_password", "wrong-password"))).status());
            }
            AuthHarness.Answer locked = harness.loginFrom("203.0.113.3", user.get("user_id"), user.get("user_password"));
            EnvelopeAssertions.assertTokenErrorEnvelope(locked.reply(), 429, "00001");
            assertEquals("60", locked.retryAfter().orElseThrow());
            EnvelopeAssertions.assertTokenErrorEnvelope(harness.postFrom("203.0.113.4", ADMIN_LOGIN, AuthHarness.json(
                    Map.of("user_AegisSpeed_id", aegisSpeedId, "user_password", user.get("user_password")))).reply(), 429, "00001");
        }
    }
}
