package com.aegisspeed.gateway;

import com.aegisspeed.common.envelope.Codes;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Out of the box, the routes that spend a password hash or tell whether something is registered are limited per
 * client address (docs/security.md): logins 10/min, registration 5/min, both availability checks 30/min. A
 * flooding address is refused (429 {@code 00001}, {@code Retry-After}, the route's envelope); another address keeps
 * its own budget.
 */
class DefaultRouteLimitsTest {

    private static final String FLOOD = "203.0.113.50";
    private static final String OTHER = "198.51.100.50";

    @Test
    void loginsRegistrationAndAvailabilityChecksAreLimitedPerClientByDefault() {
        try (GatewayUnderTest suite = GatewayUnderTest.start(Map.of("aegis.gateway.client-address-header", "X-Real-IP"))) {
            GatewayClient client = suite.client;
            assertLimited(client, "/user/login/login_user_info", 10);
            assertLimited(client, "/user/login/login_admin_info_by_aegisspeed_id", 10);
            assertLimited(client, "/user/register/register_user_info", 5);
            assertLimited(client, "/verify/verify_is_user_id_available", 30);
            assertLimited(client, "/verify/verify_is_machine_code_available", 30);
        }
    }

    private static void assertLimited(GatewayClient client, String path, int perMinute) {
        for (int i = 0; i < perMinute; i++) {
            assertEquals(200, client.postJson(path, "{}", "X-Real-IP", FLOOD).status(), path + " #" + (i + 1));
        }
        GatewayClient.Answer refused = client.postJson(path, "{}", "X-Real-IP", FLOOD);
        assertEquals(429, refused.status(), path);
        assertEquals(Codes.RATE_LIMITED, refused.code(), path);
        assertNotNull(refused.header("Retry-After"), path);
        assertEquals(200, client.postJson(path, "{}", "X-Real-IP", OTHER).status(), path + ": another client");
    }
}
