package com.aegisspeed.user;

import com.aegisspeed.testsupport.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Concurrent creations of users sharing an ID number, phone or e-mail: the database's unique keys let exactly
 * one through, the others get that field's 409 code; creations sharing nothing all get AegisSpeed IDs of
 * their own.
 */
class ConcurrentCreateTest {

    private static final int RACERS = 4;
    private static UserServiceHarness harness;

    @BeforeAll
    static void start() {
        // The racers' password hashes queue behind each other; on a busy machine the queue's default wait would
        // refuse some (429, PasswordHashingOverloadTest's subject) before the race this class is about is run.
        harness = UserServiceHarness.start(Map.of("aegis.user.password-hashing.max-wait", "60s"));
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void exactlyOneOfConcurrentCreationsWithTheSameIdNumberPhoneOrEmailSucceeds() throws Exception {
        for (Map.Entry<String, String> field : Map.of("user_id", "10005", "user_phone_number", "10006",
                "user_email", "10007").entrySet()) {
            Object shared = harness.newUserFields().get(field.getKey());
            List<Map<String, Object>> bodies = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                Map<String, Object> fields = harness.newUserFields();
                fields.put(field.getKey(), shared);
                bodies.add(fields);
            }
            List<TestHttp.Reply> replies = race(bodies);
            Map<Integer, Long> statuses = replies.stream().collect(Collectors.groupingBy(TestHttp.Reply::status, Collectors.counting()));
            assertEquals(Map.of(200, 1L, 409, (long) RACERS - 1), statuses, field.getKey() + ": " + statuses);
            replies.stream().filter(r -> r.status() == 409)
                    .forEach(r -> assertEquals(field.getValue(), r.envelope().get("code"), r.body()));
        }
    }

    @Test
    void concurrentCreationsOfDifferentUsersGetDistinctAegisSpeedIds() throws Exception {
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            bodies.add(harness.newUserFields());
        }
        List<TestHttp.Reply> replies = race(bodies);
        replies.forEach(r -> assertEquals(200, r.status(), r.body()));
        assertEquals(RACERS, replies.stream().map(r -> r.data().get("user_AegisSpeed_id")).distinct().count());
    }

    /** Sends all bodies at once, released together. */
    private static List<TestHttp.Reply> race(List<Map<String, Object>> bodies) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(bodies.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<TestHttp.Reply>> replies = new ArrayList<>();
            for (Map<String, Object> body : bodies) {
                replies.add(CompletableFuture.supplyAsync(() -> {
                    awaitQuietly(go);
                    return harness.internal("POST", "/internal/users", UserServiceHarness.json(body));
                }, pool));
            }
            go.countDown();
            List<TestHttp.Reply> answered = new ArrayList<>();
            for (CompletableFuture<TestHttp.Reply> reply : replies) {
                answered.add(reply.get());
            }
            return answered;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
