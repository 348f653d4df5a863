package com.aegisspeed.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Failures arriving together for subjects that have no counter yet (the counters are created at that moment)
 * are each answered and each counted: none is lost to the race for the new row.
 */
@ExtendWith(RealUserService.class)
class ConcurrentLoginFailuresTest {

    private static final int FAILURES = 4;

    @Test
    void simultaneousFirstFailuresAreAllCounted(RealUserService.Running users) throws Exception {
        try (AuthHarness harness = AuthHarness.start(users)) {
            for (int round = 0; round < 3; round++) {
                Map<String, Object> user = harness.registeredUser();
                String address = "203.0.113." + (round + 1);
                List<Integer> statuses = together(() ->
                        harness.loginFrom(address, user.get("user_id"), "wrong-password").status());
                assertEquals(List.of(401, 401, 401, 401), statuses);
                assertEquals(List.of(List.of(FAILURES)), failuresOf(harness, "account:" + user.get("user_id")));
                assertEquals(List.of(List.of(FAILURES)), failuresOf(harness, "address:" + address));
            }
        }
    }

    private static List<Integer> together(Callable<Integer> attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(FAILURES);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < FAILURES; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return attempt.call();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<List<Object>> failuresOf(AuthHarness harness, String subject) throws SQLException {
        return harness.query("SELECT failures FROM login_failures WHERE subject = '" + subject + "'");
    }
}
