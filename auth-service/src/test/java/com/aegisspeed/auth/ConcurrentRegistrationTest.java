package com.aegisspeed.auth;

import com.aegisspeed.testsupport.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two registrations racing with the same ID number, phone or e-mail, through auth-service and the real
 * user-service: exactly one gets a token, the other its documented 409 code and no token.
 */
@ExtendWith(RealUserService.class)
class ConcurrentRegistrationTest {

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
    void exactlyOneOfTwoConcurrentRegistrationsWithASharedFieldSucceeds() throws Exception {
        Map<String, String> codes = Map.of("user_id", "10005", "user_phone_number", "10006", "user_email", "10007");
        for (int round = 0; round < 3; round++) {
            for (Map.Entry<String, String> field : codes.entrySet()) {
                Map<String, Object> first = harness.newUserFields();
                Map<String, Object> second = harness.newUserFields();
                second.put(field.getKey(), first.get(field.getKey()));

                List<TestHttp.Reply> replies = race(first, second);

                List<TestHttp.Reply> won = replies.stream().filter(r -> r.status() == 200).toList();
                List<TestHttp.Reply> lost = replies.stream().filter(r -> r.status() != 200).toList();
                assertEquals(1, won.size(), field.getKey() + ": " + replies);
                assertEquals(409, lost.get(0).status(), lost.get(0).body());
                assertEquals(field.getValue(), lost.get(0).envelope().get("code"), lost.get(0).body());
                assertEquals("", lost.get(0).envelope().get("token"));
            }
        }
    }

    private static List<TestHttp.Reply> race(Map<String, Object> first, Map<String, Object> second) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<TestHttp.Reply>> pending = new ArrayList<>();
            for (Map<String, Object> fields : List.of(first, second)) {
                pending.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return harness.register(fields);
                }, pool));
            }
            go.countDown();
            List<TestHttp.Reply> replies = new ArrayList<>();
            for (CompletableFuture<TestHttp.Reply> reply : pending) {
                replies.add(reply.get());
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }
}
