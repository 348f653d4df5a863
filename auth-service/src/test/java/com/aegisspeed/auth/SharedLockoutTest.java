package com.aegisspeed.auth;

import com.aegisspeed.testsupport.EnvelopeAssertions;
import com.aegisspeed.testsupport.FreshSchema;
import com.aegisspeed.testsupport.MariaDbServer;
import com.nimbusds.jose.jwk.ECKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Login-failure counters live in auth-service's database: two replicas count one account's failures together. */
@ExtendWith(RealUserService.class)
class SharedLockoutTest {

    @Test
    void failuresOnTwoReplicasAddUp(RealUserService.Running users) {
        ECKey key = AuthHarness.newKey();
        try (FreshSchema schema = MariaDbServer.fromEnvironment().createFreshSchema();
             AuthHarness first = AuthHarness.onSchema(users, schema, key);
             AuthHarness second = AuthHarness.onSchema(users, schema, key)) {
            Map<String, Object> user = first.registeredUser();
            for (int i = 0; i < 3; i++) {
                assertEquals(401, first.login(user.get("user_id"), "wrong-password").status());
            }
            for (int i = 0; i < 2; i++) {
                assertEquals(401, second.login(user.get("user_id"), "wrong-password").status());
            }
            EnvelopeAssertions.assertTokenErrorEnvelope(first.login(user.get("user_id"), user.get("user_password")), 429, "00001");
            EnvelopeAssertions.assertTokenErrorEnvelope(second.login(user.get("user_id"), user.get("user_password")), 429, "00001");
        }
    }
}
