package com.aegisspeed.user;

import com.aegisspeed.common.internal.InternalConfiguration;
import com.aegisspeed.testsupport.TestHttpClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * More creations at once than the Argon2id pool can start within its wait (here one thread, two waiting, 200 ms):
 * the rest are refused at once with 429 {@code 00001} and a {@code Retry-After}, and a refused creation leaves no
 * user behind, so a caller that was told "busy" can simply try again.
 */
class PasswordHashingOverloadTest {

    private static final int CREATIONS = 24;
    private static UserServiceHarness harness;

    @BeforeAll
    static void start() {
        harness = UserServiceHarness.start(Map.of(
                "aegis.user.password-hashing.threads", 1,
                "aegis.user.password-hashing.queue", 2,
                "aegis.user.password-hashing.max-wait", "200ms"));
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void creationsBeyondWhatTheHashingPoolCanStartInTimeAreRefusedAsBusyAndCreateNothing() throws Exception {
        List<Map<String, Object>> users = new ArrayList<>();
        for (int i = 0; i < CREATIONS; i++) {
            users.add(harness.newUserFields());
        }
        List<HttpResponse<String>> answers = createAllAtOnce(users);

        int created = 0;
        int refused = 0;
        for (int i = 0; i < CREATIONS; i++) {
            HttpResponse<String> answer = answers.get(i);
            String idNumber = (String) users.get(i).get("user_id");
            int stored = harness.internal("GET", "/internal/users/by-id-number/" + idNumber, null).status();
            if (answer.statusCode() == 200) {
                created++;
                assertEquals(200, stored, idNumber + " was acknowledged");
            } else {
                refused++;
                assertEquals(429, answer.statusCode(), answer.body());
                assertTrue(answer.body().contains("\"code\":\"00001\""), answer.body());
                assertTrue(answer.headers().firstValueAsLong("Retry-After").orElse(0) >= 1, answer.headers().toString());
                assertEquals(404, stored, idNumber + " was refused, yet stored");
            }
        }
        // Each hash takes far longer than 200 ms / 3 places: most wait too long; at least the first is made.
        assertTrue(created >= 1 && refused >= 1, created + " created, " + refused + " refused");

        // Once the pool is free again, a refused creation goes through when repeated.
        int firstRefused = answers.stream().map(HttpResponse::statusCode).toList().indexOf(429);
        assertEquals(200, harness.internal("POST", "/internal/users",
                UserServiceHarness.json(users.get(firstRefused))).status());
    }

    private static List<HttpResponse<String>> createAllAtOnce(List<Map<String, Object>> users) throws Exception {
        HttpClient client = TestHttpClients.shared();
        ExecutorService pool = Executors.newFixedThreadPool(users.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (Map<String, Object> user : users) {
                HttpRequest request = HttpRequest.newBuilder(harness.http().uri("/internal/users"))
                        .header(InternalConfiguration.HEADER, harness.authority.internalSecret())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(UserServiceHarness.json(user))).build();
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                        return client.send(request, HttpResponse.BodyHandlers.ofString());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, pool));
            }
            go.countDown();
            List<HttpResponse<String>> done = new ArrayList<>();
            for (CompletableFuture<HttpResponse<String>> answer : answers) {
                done.add(answer.get());
            }
            return done;
        } finally {
            pool.shutdownNow();
        }
    }
}
