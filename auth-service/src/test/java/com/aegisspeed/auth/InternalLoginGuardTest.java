package com.aegisspeed.auth;

import com.aegisspeed.testsupport.EnvelopeAssertions;
import com.aegisspeed.testsupport.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code /internal/login-guard} (docs/internal-api.md): password checks made by other services (user-service's
 * current-password check on a password change) are counted on the same account and address counters as logins,
 * so they share the login lockout of docs/contract.md.
 */
@ExtendWith(RealUserService.class)
class InternalLoginGuardTest {

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

    private static TestHttp.Reply post(String path, Object idNumber, String address, Boolean succeeded) {
        Map<String, Object> body = new HashMap<>(Map.of("user_id", idNumber, "forwarded_for", address,
                "peer_address", "127.0.0.1"));
        if (succeeded != null) {
            body.put("succeeded", succeeded);
        }
        return harness.internal("POST", path, AuthHarness.json(body));
    }

    private static long waitFor(Object idNumber, String address) {
        TestHttp.Reply reply = post("/internal/login-guard/check", idNumber, address, null);
        assertEquals(200, reply.status(), reply.body());
        return ((Number) reply.data().get("retry_after")).longValue();
    }

    private static void failed(Object idNumber, String address) {
        assertEquals(200, post("/internal/login-guard/outcome", idNumber, address, false).status());
    }

    @Test
    void fiveFailedChecksLockTheAccountForItsLoginsToo() {
        Map<String, Object> user = harness.registeredUser();
        String address = newAddress();
        assertEquals(0, waitFor(user.get("user_id"), address));
        for (int i = 0; i < 5; i++) {
            failed(user.get("user_id"), address);
        }
        assertEquals(60, waitFor(user.get("user_id"), newAddress()), "the account is locked wherever the check comes from");
        AuthHarness.Answer login = harness.loginFrom(newAddress(), user.get("user_id"), user.get("user_password"));
        EnvelopeAssertions.assertTokenErrorEnvelope(login.reply(), 429, "00001");

        harness.clock.advance(Duration.ofSeconds(60));
        assertEquals(0, waitFor(user.get("user_id"), address));
    }

    @Test
    void failedLoginsCountTowardsTheCheckAndASuccessfulCheckClearsTheAccount() {
        Map<String, Object> user = harness.registeredUser();
        String address = newAddress();
        for (int i = 0; i < 4; i++) {
            assertEquals(401, harness.loginFrom(address, user.get("user_id"), "wrong-password").status());
        }
        assertEquals(200, post("/internal/login-guard/outcome", user.get("user_id"), address, true).status());
        for (int i = 0; i < 4; i++) {
            failed(user.get("user_id"), address);
        }
        assertEquals(0, waitFor(user.get("user_id"), address), "4 failures since the success: not locked");
        failed(user.get("user_id"), address);
        assertEquals(60, waitFor(user.get("user_id"), address));
    }

    @Test
    void twentyFailedChecksFromOneAddressLockThatAddress() {
        String address = newAddress();
        for (int i = 0; i < 20; i++) {
            failed(harness.newUserFields().get("user_id"), address);
        }
        assertEquals(60, waitFor(harness.newUserFields().get("user_id"), address));
        assertEquals(0, waitFor(harness.newUserFields().get("user_id"), newAddress()));
    }

    @Test
    void withoutTheInternalSecretTheGuardAnswersNothing() {
        TestHttp.Reply reply = harness.http().postJson("/internal/login-guard/outcome",
                "{\"user_id\":\"11010519491231002X\",\"peer_address\":\"1.2.3.4\",\"succeeded\":true}");
        EnvelopeAssertions.assertErrorEnvelope(reply, 403, "00000");
    }

    private static String newAddress() {
        return "198.51.100." + (100 + ADDRESSES.incrementAndGet());
    }
}
