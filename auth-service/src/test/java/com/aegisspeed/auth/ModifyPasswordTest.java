package com.aegisspeed.auth;

import com.aegisspeed.testsupport.EnvelopeAssertions;
import com.aegisspeed.testsupport.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code POST /user/info/modify_user_password}, owned by auth-service with every other password check: the new
 * password replaces the old one and every token of the user is revoked; the current password is guarded like a
 * login, on the same budgets (docs/contract.md), reserved before it is checked.
 */
@ExtendWith(RealUserService.class)
class ModifyPasswordTest {

    private static final String PATH = "/user/info/modify_user_password";
    private static AuthHarness harness;

    @BeforeAll
    static void start(RealUserService.Running users) {
        harness = AuthHarness.start(users);
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    private static TestHttp.Reply change(String token, String current, String next, String... headers) {
        return harness.post(PATH, token, "{\"user_password\":\"" + current + "\",\"new_user_password\":\"" + next + "\"}",
                headers);
    }

    @Test
    void theNewPasswordWorksTheOldOneNoLongerAndTheUsersTokensAreRevoked() {
        Map<String, Object> user = harness.registeredUser();
        String token = (String) user.get("token");
        EnvelopeAssertions.assertStandardEnvelope(change(token, (String) user.get("user_password"), "a-brand-new-secret"),
                200, "10000");
        assertEquals(200, harness.login(user.get("user_id"), "a-brand-new-secret").status());
        assertEquals(401, harness.login(user.get("user_id"), user.get("user_password")).status());
        EnvelopeAssertions.assertErrorEnvelope(harness.logout(token), 401, "10001");
    }

    @Test
    void aWrongCurrentPasswordAnswers401Code10003AndChangesNothing() {
        Map<String, Object> user = harness.registeredUser();
        EnvelopeAssertions.assertErrorEnvelope(change((String) user.get("token"), "not-my-password", "a-brand-new-secret"),
                401, "10003");
        assertEquals(200, harness.login(user.get("user_id"), user.get("user_password")).status());
    }

    @Test
    void aNewPasswordOutsideThePolicyAnswers400Code10005AndCountsNothing() {
        Map<String, Object> user = harness.registeredUser();
        String token = (String) user.get("token");
        for (String weak : new String[] {"short1!", "x".repeat(129), "password123", "QWERTYUIOP", "short", "short"}) {
            EnvelopeAssertions.assertErrorEnvelope(change(token, "not-my-password", weak), 400, "10005");
        }
        EnvelopeAssertions.assertErrorEnvelope(harness.post(PATH, token, "{\"user_password\":\"x\"}"), 400, "00005");
        assertEquals(200, harness.login(user.get("user_id"), user.get("user_password")).status());
    }

    @Test
    void noValidTokenAnswers401Code10001() {
        EnvelopeAssertions.assertErrorEnvelope(change(null, "whatever-it-is", "a-brand-new-secret"), 401, "10001");
    }

    @Test
    void whenClosedForMaintenanceItAnswers403Code10002(RealUserService.Running users) {
        try (AuthHarness closed = AuthHarness.start(users, Map.of("aegis.maintenance.closed-endpoints", PATH))) {
            Map<String, Object> user = closed.registeredUser();
            EnvelopeAssertions.assertErrorEnvelope(closed.post(PATH, (String) user.get("token"),
                    "{\"user_password\":\"" + user.get("user_password") + "\",\"new_user_password\":\"another-good-one\"}"),
                    403, "10002");
        }
    }

    @Test
    void wrongCurrentPasswordsAndWrongLoginsDrawOnTheAccountsOneBudget() {
        Map<String, Object> user = harness.registeredUser();
        String token = (String) user.get("token");
        for (int i = 0; i < 3; i++) {
            assertEquals(401, harness.loginFrom("203.0.113.40", user.get("user_id"), "wrong-password").status());
        }
        for (int i = 0; i < 2; i++) {
            EnvelopeAssertions.assertErrorEnvelope(change(token, "not-my-password", "a-brand-new-secret",
                    "X-Forwarded-For", "203.0.113.41"), 401, "10003");
        }
        EnvelopeAssertions.assertErrorEnvelope(change(token, (String) user.get("user_password"), "a-brand-new-secret",
                "X-Forwarded-For", "203.0.113.42"), 429, "00001");
        assertEquals(429, harness.loginFrom("203.0.113.43", user.get("user_id"), user.get("user_password")).status());
    }

    @Test
    void simultaneousWrongCurrentPasswordsCheckAtMostTheAccountsBudget() throws Exception {
        Map<String, Object> user = harness.registeredUser();
        String token = (String) user.get("token");
        int attempts = 20;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        List<TestHttp.Reply> replies = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<TestHttp.Reply>> answers = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                String address = "192.0.2." + (i + 1);
                answers.add(pool.submit(() -> {
                    start.await();
                    return change(token, "not-my-password", "a-brand-new-secret", "X-Forwarded-For", address);
                }));
            }
            start.countDown();
            for (Future<TestHttp.Reply> answer : answers) {
                replies.add(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }
        long checked = replies.stream().filter(reply -> reply.status() == 401).count();
        assertTrue(checked <= 5, checked + " wrong passwords were checked");
        for (TestHttp.Reply reply : replies) {
            if (reply.status() == 401) {
                EnvelopeAssertions.assertErrorEnvelope(reply, 401, "10003");
            } else {
                EnvelopeAssertions.assertErrorEnvelope(reply, 429, "00001");
            }
        }
    }
}
