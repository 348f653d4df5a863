package com.aegisspeed.auth;

import com.aegisspeed.testsupport.EnvelopeAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Brute force from one client address (docs/contract.md): 20 failures within 15 minutes, on any accounts, lock
 * the address. The address is the first X-Forwarded-For entry only when the request comes from a trusted proxy
 * ({@code aegis.trusted-proxies}, loopback by default, where the gateway runs); from any other peer the header is
 * ignored, as anyone could write it.
 */
@ExtendWith(RealUserService.class)
class AddressLockoutTest {

    @Test
    void twentyFailuresFromTheForwardedAddressLockItForEveryAccount(RealUserService.Running users) {
        try (AuthHarness harness = AuthHarness.start(users)) {
            failTwentyTimes(harness, "203.0.113.7, 10.0.0.1");
            Map<String, Object> user = harness.registeredUser();
            AuthHarness.Answer locked = harness.loginFrom("203.0.113.7", user.get("user_id"), user.get("user_password"));
            EnvelopeAssertions.assertTokenErrorEnvelope(locked.reply(), 429, "00001");
            assertEquals("60", locked.retryAfter().orElseThrow());
            assertEquals(200, harness.loginFrom("198.51.100.9", user.get("user_id"), user.get("user_password")).status());
        }
    }

    @Test
    void aForwardedForHeaderFromAPeerOutsideTheTrustedProxiesDoesNotSpreadFailuresOverAddresses(
            RealUserService.Running users) {
        // The test's own loopback connection is not a trusted proxy here, as an attacker's would not be.
        try (AuthHarness harness = AuthHarness.start(users, Map.of("aegis.trusted-proxies", "192.0.2.0/24, 2001:db8::/32"))) {
            for (int i = 0; i < 20; i++) {
                assertEquals(401, harness.loginFrom("192.0.2." + i, harness.newUserFields().get("user_id"), "wrong-password").status());
            }
            Map<String, Object> user = harness.registeredUser();
            EnvelopeAssertions.assertTokenErrorEnvelope(
                    harness.loginFrom("192.0.2.200", user.get("user_id"), user.get("user_password")).reply(), 429, "00001");
        }
    }

    private static void failTwentyTimes(AuthHarness harness, String forwardedFor) {
        for (int i = 0; i < 20; i++) {
            // Twenty different accounts, none of them locked by itself.
            assertEquals(401, harness.loginFrom(forwardedFor, harness.newUserFields().get("user_id"), "wrong-password").status());
        }
    }
}
