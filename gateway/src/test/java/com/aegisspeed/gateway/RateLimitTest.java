package com.aegisspeed.gateway;

import com.aegisspeed.common.envelope.Codes;
import com.aegisspeed.common.identity.Role;
import com.aegisspeed.testsupport.AdjustableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Per-route limits per client address and per user (in memory): past the limit 429 {@code 00001} in the route's
 * envelope with {@code Retry-After}, nothing reaches the service, and the next window lets requests through.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitTest {

    private GatewayUnderTest suite;
    private GatewayClient client;
    private AdjustableClock clock;

    @BeforeAll
    void start() {
        suite = GatewayUnderTest.start(Map.of(
                "aegis.test.adjustable-clock", "true",
                "aegis.gateway.routes.login-user-info.client-rate-limit", "3/min",
                "aegis.gateway.routes.get-user-info.user-rate-limit", "2/h",
                "aegis.gateway.routes.get-user-info.client-rate-limit", "100/s, 1000/d",
                "aegis.gateway.routes.verify-is-user-id-available.client-rate-limit", "2/s"));
        client = suite.client;
        clock = suite.gateway.context().getBean(AdjustableClock.class);
        // Start at the beginning of an hour, so every window of these tests has its whole length ahead.
        clock.set(Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1)));
    }

    @AfterAll
    void stop() {
        suite.close();
    }

    @Test
    void perClientLimitAnswers429WithRetryAfterAndResetsInTheNextWindow() {
        for (int i = 0; i < 3; i++) {
            assertEquals(200, client.postJson("/user/login/login_user_info", "{}").status());
        }
        int hits = suite.service("auth-service").hits();
        GatewayClient.Answer limited = client.postJson("/user/login/login_user_info", "{}");
        assertEquals(429, limited.status(), limited.body());
        assertEquals(Map.of("status", 429, "code", Codes.RATE_LIMITED, "result", "Too many requests",
                "data", Map.of(), "token", ""), limited.envelope());
        long retryAfter = Long.parseLong(limited.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertTrue(limited.header("X-Request-Id") != null);
        assertEquals(hits, suite.service("auth-service").hits(), "a limited request reached the service");

        clock.advance(Duration.ofSeconds(retryAfter));
        assertEquals(200, client.postJson("/user/login/login_user_info", "{}").status(), "next window");
    }

    @Test
    void perUserLimitCountsEachUserSeparately() {
        String alice = "Bearer " + suite.authority.tokenFor("alice", "ASD000031", Role.USER);
        String bob = "Bearer " + suite.authority.tokenFor("bob", "ASD000032", Role.USER);
        assertEquals(200, client.get("/user/info/get_user_info", "Authorization", alice).status());
        assertEquals(200, client.get("/user/info/get_user_info", "Authorization", alice).status());
        GatewayClient.Answer limited = client.get("/user/info/get_user_info", "Authorization", alice);
        assertEquals(429, limited.status());
        assertEquals(Codes.RATE_LIMITED, limited.code());
        long retryAfter = Long.parseLong(limited.header("Retry-After"));
        assertTrue(retryAfter > 60 && retryAfter <= 3600, "Retry-After " + retryAfter);
        // A second token of the same user shares the budget; another user has their own.
        String aliceAgain = "Bearer " + suite.authority.tokenFor("alice", "ASD000031", Role.USER);
        assertEquals(429, client.get("/user/info/get_user_info", "Authorization", aliceAgain).status());
        assertEquals(200, client.get("/user/info/get_user_info", "Authorization", bob).status());
    }

    @Test
    void availabilityRouteAnswers429InItsOwnEnvelope() {
        client.postJson("/verify/verify_is_user_id_available", "{}");
        client.postJson("/verify/verify_is_user_id_available", "{}");
        GatewayClient.Answer limited = client.postJson("/verify/verify_is_user_id_available", "{}");
        assertEquals(Map.of("status", 429, "code", Codes.RATE_LIMITED, "info", "Too many requests", "result", false),
                limited.envelope());
        assertEquals("1", limited.header("Retry-After"));
    }
}
