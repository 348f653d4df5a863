package com.aegisspeed.auth;

import com.aegisspeed.testsupport.EnvelopeAssertions;
import com.aegisspeed.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guesses sent all at once cannot outrun the lockout: an attempt is reserved in the database before its password
 * is checked, so of many simultaneous wrong passwords for one account, from as many addresses, at most the
 * account's budget of 5 is ever checked (401); every other one is refused unchecked (429 {@code 00001}).
 */
@ExtendWith(RealUserService.class)
class ParallelGuessesTest {

    private static final int GUESSES = 50;

    @Test
    void fiftySimultaneousWrongPasswordsFromFiftyAddressesCheckAtMostFive(RealUserService.Running users) throws Exception {
        try (AuthHarness harness = AuthHarness.start(users)) {
            Map<String, Object> user = harness.registeredUser();
            List<TestHttp.Reply> replies = together(GUESSES, i ->
                    harness.loginFrom("203.0.113." + (i + 1), user.get("user_id"), "wrong-password-" + i).reply());

            long checked = replies.stream().filter(reply -> reply.status() == 401).count();
            assertTrue(checked <= 5, checked + " wrong passwords were checked");
            for (TestHttp.Reply reply : replies) {
                if (reply.status() != 401) {
                    EnvelopeAssertions.assertTokenErrorEnvelope(reply, 429, "00001");
                } else {
                    EnvelopeAssertions.assertTokenErrorEnvelope(reply, 401, "10001");
                }
            }
            assertEquals(429, harness.loginFrom("198.51.100.1", user.get("user_id"), user.get("user_password")).status(),
                    "the account is locked");
        }
    }

    private interface Attempt {
        TestHttp.Reply send(int index) throws Exception;
    }

    private static List<TestHttp.Reply> together(int count, Attempt attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<TestHttp.Reply>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                Callable<TestHttp.Reply> call = () -> {
                    start.await();
                    return attempt.send(index);
                };
                answers.add(pool.submit(call));
            }
            start.countDown();
            List<TestHttp.Reply> replies = new ArrayList<>();
            for (Future<TestHttp.Reply> answer : answers) {
                replies.add(answer.get());
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }
}
