package com.aegisspeed.gateway;

import com.aegisspeed.common.identity.Role;
import com.aegisspeed.gateway.token.GatewayTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The token cache cannot be grown without bound: a header padded with extra spaces is refused (401 in the
 * route's token code) and never cached, and distinct valid tokens are held only up to the configured weight.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenCacheTest {

    private static final int BUDGET_KILOBYTES = 64;

    private GatewayUnderTest suite;
    private GatewayTokens tokens;

    @BeforeAll
    void start() {
        suite = GatewayUnderTest.start(Map.of("aegis.jwt.token-cache.max-kilobytes", BUDGET_KILOBYTES));
        tokens = suite.gateway.context().getBean(GatewayTokens.class);
    }

    @AfterAll
    void stop() {
        suite.close();
    }

    @Test
    void paddedAuthorizationHeadersAreRefusedAndLeaveTheCacheAsItWas() {
        String token = suite.authority.tokenFor("sub-padded", "ASD000301", Role.USER);
        assertEquals(200, suite.client.get("/user/info/get_user_info", "Authorization", "Bearer " + token).status());
        long weight = tokens.cachedWeight();
        int hits = suite.service("user-service").hits();
        for (int padding = 2; padding < 202; padding++) {
            GatewayClient.Answer answer = suite.client.get("/user/info/get_user_info",
                    "Authorization", "Bearer" + " ".repeat(padding) + token);
            assertEquals(401, answer.status(), answer.body());
            assertEquals("10001", answer.code());
        }
        GatewayClient.Answer machine = suite.client.postJson("/machine/register/register_machine_info", "{}",
                "Authorization", "Bearer  " + token);
        assertEquals(401, machine.status(), machine.body());
        assertEquals("10001", machine.code(), "the one token-invalid code, machine binding included");
        assertEquals(hits, suite.service("user-service").hits(), "a padded header reached the service");
        assertEquals(weight, tokens.cachedWeight());
    }

    @Test
    void aFloodOfDistinctValidTokensStaysWithinTheCachesWeight() {
        String sample = suite.authority.tokenFor("sub-flood-sample", "ASD000302", Role.USER);
        // Enough tokens to weigh several times the budget.
        int flood = 4 * BUDGET_KILOBYTES * 1024 / sample.length();
        for (int i = 0; i < flood; i++) {
            String token = suite.authority.tokenFor("sub-flood-" + i, "ASD000302", Role.USER);
            assertEquals(200, suite.client.get("/user/info/get_user_info", "Authorization", "Bearer " + token).status());
        }
        long weight = tokens.cachedWeight();
        assertTrue(weight > 0 && weight <= BUDGET_KILOBYTES * 1024L, "cached weight " + weight);
    }
}
