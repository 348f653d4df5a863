package com.aegisspeed.testsupport;

import com.aegisspeed.common.identity.Role;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Tokens checked while auth-service's keys and revocations are still being fetched, or cannot be: the first
 * requests after a start wait for the fetch instead of being refused, and a service that could never reach
 * auth-service answers "unavailable" (the token may be fine), not "token invalid".
 */
class TokenCheckAvailabilityTest {

    private static RunningService serviceTrusting(TestAuthority authority) {
        Map<String, Object> properties = new HashMap<>(authority.properties());
        properties.put("spec.name", TokenProbeController.SPEC_NAME);
        properties.put("micronaut.application.name", "token-availability-probe");
        properties.put("aegis.db.url", "jdbc:h2:mem:token-availability-" + UUID.randomUUID() + ";MODE=MySQL");
        properties.put("flyway.datasources.default.enabled", false);
        return RunningService.start(properties);
    }

    private static TestHttp.Reply whoAmI(RunningService service, String token) {
        return service.http().send(HttpRequest.newBuilder(service.http().uri("/probe/whoami"))
                .header("Authorization", "Bearer " + token).GET());
    }

    @Test
    void theFirstRequestsAfterAStartAreAllServed() throws Exception {
        try (TestAuthority authority = TestAuthority.start(); RunningService service = serviceTrusting(authority)) {
            ExecutorService clients = Executors.newFixedThreadPool(16);
            try {
                List<Future<TestHttp.Reply>> replies = new java.util.ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    String token = authority.tokenFor(UUID.randomUUID().toString(), "ASD000050", Role.USER);
                    replies.add(clients.submit(() -> whoAmI(service, token)));
                }
                for (Future<TestHttp.Reply> reply : replies) {
                    assertEquals(200, reply.get().status(), reply.get().body());
                }
            } finally {
                clients.shutdownNow();
            }
        }
    }

    @Test
    void withAuthServiceNeverReachableTokensAnswerUnavailable() {
        try (TestAuthority authority = TestAuthority.start()) {
            String token = authority.tokenFor(UUID.randomUUID().toString(), "ASD000051", Role.USER);
            authority.stop();
            try (RunningService service = serviceTrusting(authority)) {
                EnvelopeAssertions.assertErrorEnvelope(whoAmI(service, token), 503, "00002");
                authority.restart();
                // Failed fetches are retried once per key-refresh-min-interval (1 s here), not per request.
                long deadline = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
                int status;
                do {
                    status = whoAmI(service, token).status();
                } while (status != 200 && System.nanoTime() < deadline);
                assertEquals(200, status, "served once auth-service answers");
            }
        }
    }
}
