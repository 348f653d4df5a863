package com.aegisspeed.user;

import com.aegisspeed.common.token.TokenLifetime;
import com.aegisspeed.testsupport.AdjustableClock;
import com.aegisspeed.testsupport.EnvelopeAssertions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A token is accepted for its 7 days and refused after, with the service's clock moved rather than waited for. */
class TokenExpiryTest {

    @Test
    void aTokenIsAcceptedUntilSevenDaysAfterIssueAndRefusedAfter() {
        try (UserServiceHarness harness = UserServiceHarness.start(Map.of("aegis.test.adjustable-clock", "true"))) {
            AdjustableClock clock = harness.service.context().getBean(AdjustableClock.class);
            String token = harness.tokenOf(harness.createUser());
            assertEquals(200, harness.get("/user/info/get_user_info", token).status());

            clock.advance(TokenLifetime.LIFETIME.minus(Duration.ofSeconds(10)));
            assertEquals(200, harness.get("/user/info/get_user_info", token).status());

            clock.advance(Duration.ofSeconds(20));
            EnvelopeAssertions.assertErrorEnvelope(harness.get("/user/info/get_user_info", token), 401, "10001");
        }
    }
}
