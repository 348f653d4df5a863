package com.aegisspeed.auth;

import com.aegisspeed.testsupport.EnvelopeAssertions;
import com.aegisspeed.testsupport.HeldPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every pooled connection busy past the connection timeout, while the database answers, is refused 429
 * {@code 00001} with {@code Retry-After} in the endpoint's own envelope rather than answered as a fault (500).
 */
@ExtendWith(RealUserService.class)
class DatabaseBusyTest {

    @Test
    void aPoolBusyForTheWholeTimeoutAnswers429WithRetryAfterAndServesAgainOnceFree(RealUserService.Running users) {
        try (AuthHarness harness = AuthHarness.start(users, HeldPool.SMALL_POOL)) {
            String login = AuthHarness.json(Map.of("user_id", RealUserService.ADMIN_ID_NUMBER, "user_password", "wrong-password"));
            String token = harness.adminToken();
            try (HeldPool ignored = HeldPool.takeAll(harness.service.context())) {
                AuthHarness.Answer refused = harness.postFrom("192.0.2.7", "/user/login/login_user_info", login);
                EnvelopeAssertions.assertTokenErrorEnvelope(refused.reply(), 429, "00001");
                assertTrue(refused.retryAfter().map(Long::parseLong).orElse(0L) >= 1, refused.reply().body());

                EnvelopeAssertions.assertErrorEnvelope(harness.logout(token), 429, "00001");
            }
            EnvelopeAssertions.assertTokenErrorEnvelope(harness.postFrom("192.0.2.7", "/user/login/login_user_info", login)
                    .reply(), 401, "10001");
            assertEquals(200, harness.logout(token).status());
        }
    }
}
