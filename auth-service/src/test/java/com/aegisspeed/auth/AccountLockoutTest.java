package com.aegisspeed.auth;

import com.aegisspeed.testsupport.EnvelopeAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Brute force on one account (docs/contract.md): 5 failures within 15 minutes lock it for 60 s, doubling with
 * each further failure up to 15 minutes; 429 {@code 00001} with {@code Retry-After}. Each test comes from an
 * address of its own (the gateway's X-Forwarded-For, trusted here), so only the account limit is in play.
 */
@ExtendWith(RealUserService.class)
class AccountLockoutTest {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    private static AuthHarness harness;

    @BeforeAll
    static void start(RealUserService.Running users) {
        harness = AuthHarness.start(users);
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void fiveFailuresLockTheAccountForSixtySecondsEvenForTheRightPassword() {
        String address = newAddress();
        Map<String, Object> user = harness.registeredUser();
        for (int i = 0; i < 5; i++) {
            EnvelopeAssertions.assertTokenErrorEnvelope(harness.loginFrom(address, user.get("user_id"), "wrong-password").reply(), 401, "10001");
        }
        AuthHarness.Answer locked = harness.loginFrom(address, user.get("user_id"), user.get("user_password"));
        EnvelopeAssertions.assertTokenErrorEnvelope(locked.reply(), 429, "00001");
        assertEquals("60", retryAfter(locked));
        // The lock is on the account, wherever the attempt comes from.
        assertEquals(429, harness.loginFrom(newAddress(), user.get("user_id"), user.get("user_password")).status());

        harness.clock.advance(Duration.ofSeconds(59));
        assertEquals("1", retryAfter(harness.loginFrom(address, user.get("user_id"), user.get("user_password"))));
        harness.clock.advance(Duration.ofSeconds(1));
        assertEquals(200, harness.loginFrom(address, user.get("user_id"), user.get("user_password")).status());

        // A success starts the count over.
        for (int i = 0; i < 4; i++) {
            assertEquals(401, harness.loginFrom(address, user.get("user_id"), "wrong-password").status());
        }
        assertEquals(200, harness.loginFrom(address, user.get("user_id"), user.get("user_password")).status());
    }

    @Test
    void eachFailureAfterALockDoublesTheWaitUpToFifteenMinutes() {
        String address = newAddress();
        Map<String, Object> user = harness.registeredUser();
        for (int i = 0; i < 5; i++) {
            harness.loginFrom(address, user.get("user_id"), "wrong-password");
        }
        List<String> waits = new ArrayList<>();
        for (int lock = 0; lock < 6; lock++) {
            AuthHarness.Answer refused = harness.loginFrom(address, user.get("user_id"), "wrong-password");
            waits.add(retryAfter(refused));
            harness.clock.advance(Duration.ofSeconds(Long.parseLong(retryAfter(refused))));
            assertEquals(401, harness.loginFrom(address, user.get("user_id"), "wrong-password").status());
        }
        assertEquals(List.of("60", "120", "240", "480", "900", "900"), waits);
    }

    @Test
    void failuresFurtherApartThanFifteenMinutesDoNotAddUp() {
        String address = newAddress();
        Map<String, Object> user = harness.registeredUser();
        for (int i = 0; i < 4; i++) {
            harness.loginFrom(address, user.get("user_id"), "wrong-password");
        }
        harness.clock.advance(Duration.ofMinutes(15));
        for (int i = 0; i < 4; i++) {
            assertEquals(401, harness.loginFrom(address, user.get("user_id"), "wrong-password").status());
        }
        assertEquals(200, harness.loginFrom(address, user.get("user_id"), user.get("user_password")).status());
    }

    @Test
    void theAdminLoginCountsAgainstTheAdminAccountToo() {
        String address = newAddress();
        Map<String, Object> user = harness.registeredUser();
        Object aegisSpeedId = AuthHarness.claimsOf((String) user.get("token")).getClaim("aegisspeed_id");
        String path = "/user/login/login_admin_info_by_aegisspeed_id";
        for (int i = 0; i < 5; i++) {
            assertEquals(401, harness.postFrom(address, path, AuthHarness.json(
                    Map.of("user_AegisSpeed_id", aegisSpeedId, "user_password", "wrong-password"))).status());
        }
        AuthHarness.Answer locked = harness.postFrom(address, path, AuthHarness.json(
                Map.of("user_AegisSpeed_id", aegisSpeedId, "user_password", user.get("user_password"))));
        EnvelopeAssertions.assertTokenErrorEnvelope(locked.reply(), 429, "00001");
        assertEquals("60", retryAfter(locked));
    }

    private static String newAddress() {
        return "198.51.100." + ADDRESSES.incrementAndGet();
    }

    private static String retryAfter(AuthHarness.Answer answer) {
        assertEquals(429, answer.status(), answer.reply().body());
        return answer.retryAfter().orElse(null);
    }
}
