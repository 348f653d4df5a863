package com.aegisspeed.gateway;

import com.aegisspeed.common.envelope.Codes;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The default limits ({@code AEGIS_RATE_LIMIT_PER_CLIENT} / {@code _PER_USER}) apply to every route without
 * limits of its own; a route's own limits replace them.
 */
class DefaultRateLimitTest {

    @Test
    void defaultLimitsApplyWhereARouteSetsNone() {
        try (GatewayUnderTest suite = GatewayUnderTest.start(Map.of(
                "aegis.gateway.rate-limit.default-per-client", "2/h",
                "aegis.gateway.routes.login-user-info.client-rate-limit", "none"))) {
            GatewayClient client = suite.client;
            assertEquals(200, client.get("/verify/verify_client_version_number").status());
            assertEquals(200, client.get("/verify/verify_client_version_number").status());
            GatewayClient.Answer limited = client.get("/verify/verify_client_version_number");
            assertEquals(429, limited.status());
            assertEquals(Codes.RATE_LIMITED, limited.code());
            assertEquals(200, client.postJson("/verify/verify_is_user_id_available", "{}").status(),
                    "each route counts on its own");
            for (int i = 0; i < 5; i++) {
                assertEquals(200, client.postJson("/user/login/login_user_info", "{}").status(), "own limit: none");
            }
        }
    }
}
