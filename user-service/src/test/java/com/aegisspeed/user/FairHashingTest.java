package com.aegisspeed.user;

import com.aegisspeed.common.internal.InternalConfiguration;
import com.aegisspeed.common.internal.UserDirectoryClient;
import com.aegisspeed.testsupport.TestHttpClients;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One client flooding the password-hashing pool does not starve another (docs/security.md): a client past its share
 * is refused at once. While one address keeps 16 checks of one user in flight on a one-thread pool, it gets 429
 * {@code 00001}, and another address's checks of another user, one after another, all get their answer. The wait
 * allowed is long, so a slow machine cannot refuse them; the order hashes start in is FairHashingPoolTest's.
 */
class FairHashingTest {

    private static final int FLOODERS = 16;
    private static final int OTHER_CHECKS = 10;

    @Test
    void aFloodingClientIsRefusedWhileAnotherClientsChecksAreAllAnswered() throws Exception {
        try (UserServiceHarness harness = UserServiceHarness.start(Map.of("aegis.user.password-hashing.threads", 1,
                "aegis.user.password-hashing.max-wait", "20s"))) {
            String check = credentialsOf(harness);
            String otherCheck = credentialsOf(harness);

            AtomicBoolean flooding = new AtomicBoolean(true);
            AtomicInteger floodRefused = new AtomicInteger();
            AtomicInteger floodAnswered = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(FLOODERS);
            List<Future<?>> flood = new ArrayList<>();
            try {
                for (int i = 0; i < FLOODERS; i++) {
                    flood.add(pool.submit(() -> {
                        while (flooding.get()) {
                            int status = credentials(harness, "203.0.113.70", check).statusCode();
                            (status == 429 ? floodRefused : floodAnswered).incrementAndGet();
                        }
                        return null;
                    }));
                }
                awaitAtLeast(floodAnswered, 2);
                List<Integer> other = new ArrayList<>();
                for (int i = 0; i < OTHER_CHECKS; i++) {
                    other.add(credentials(harness, "198.51.100.70", otherCheck).statusCode());
                }
                assertEquals(Collections.nCopies(OTHER_CHECKS, 200), other);
            } finally {
                flooding.set(false);
                for (Future<?> loop : flood) {
                    loop.get();
                }
                pool.shutdownNow();
            }
            assertTrue(floodRefused.get() > 0, "the flood was never refused");
        }
    }

    /** A new user's right credentials, as a check's body. */
    private static String credentialsOf(UserServiceHarness harness) {
        Map<String, Object> fields = harness.newUserFields();
        harness.createUser(fields);
        return UserServiceHarness.json(Map.of("user_id", fields.get("user_id"), "user_password", fields.get("user_password")));
    }

    private static HttpResponse<String> credentials(UserServiceHarness harness, String client, String json) throws Exception {
        HttpClient http = TestHttpClients.shared();
        return http.send(HttpRequest.newBuilder(harness.http().uri("/internal/users/credentials"))
                .header(InternalConfiguration.HEADER, harness.authority.internalSecret())
                .header(UserDirectoryClient.CLIENT_HEADER, client)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Waits (with a deadline) until the flood has been answered a few times, so it is surely under way. */
    private static void awaitAtLeast(AtomicInteger counter, int count) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (counter.get() < count) {
            assertTrue(System.nanoTime() < deadline, "the flood never got an answer");
            Thread.sleep(10);
        }
    }
}
