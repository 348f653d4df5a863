package com.aegisspeed.gateway;

import com.aegisspeed.common.envelope.Codes;
import com.aegisspeed.testsupport.AdjustableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A service that is down, hangs or fails answers 503 {@code 00002} in the route's envelope, within the
 * configured timeouts; after consecutive failures the breaker stops calling it for a pause, then one trial
 * call closes it again once the service is back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpstreamFailureTest {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration BREAKER_PAUSE = Duration.ofSeconds(30);
    private static final int THRESHOLD = 3;

    private GatewayUnderTest suite;
    private GatewayClient client;
    private AdjustableClock clock;

    @BeforeAll
    void start() {
        suite = GatewayUnderTest.start(Map.of(
                "aegis.test.adjustable-clock", "true",
                "aegis.gateway.upstream.read-timeout", READ_TIMEOUT.toMillis() + "ms",
                "aegis.gateway.circuit-breaker.failure-threshold", THRESHOLD,
                "aegis.gateway.circuit-breaker.open-duration", BREAKER_PAUSE.toSeconds() + "s"));
        client = suite.client;
        clock = suite.gateway.context().getBean(AdjustableClock.class);
    }

    @AfterAll
    void stop() {
        suite.close();
    }

    @BeforeEach
    void servicesAnswerAndBreakersAreClosed() {
        suite.services.values().forEach(service -> service.mode(FakeService.Mode.ECHO));
        clock.advance(BREAKER_PAUSE.plusSeconds(1));
        for (String path : new String[] {"/verify/verify_is_machine_code_available", "/user/register/register_user_info"}) {
            client.postJson(path, "{}");
        }
    }

    @Test
    void aServiceThatIsDownAnswers503With00002InTheRoutesEnvelope() {
        FakeService machine = suite.service("machine-service");
        machine.stop();
        try {
            GatewayClient.Answer answer = client.postJson("/verify/verify_is_machine_code_available", "{}");
            assertEquals(503, answer.status(), answer.body());
            assertEquals(Map.of("status", 503, "code", Codes.UPSTREAM_UNAVAILABLE, "info", "Service unavailable",
                    "result", false), answer.envelope());
            assertTrue(answer.header("X-Request-Id") != null);
        } finally {
            machine.restart();
        }
        assertEquals(200, client.postJson("/verify/verify_is_machine_code_available", "{}").status(), "recovers by itself");
    }

    @Test
    void aHangingServiceAnswers503With00002WithinTheReadTimeout() {
        FakeService auth = suite.service("auth-service");
        auth.mode(FakeService.Mode.HANG);
        Instant asked = Instant.now();
        GatewayClient.Answer answer = client.postJson("/user/register/register_user_info", "{}");
        Duration took = Duration.between(asked, Instant.now());
        assertEquals(503, answer.status(), answer.body());
        assertEquals(Set.of("status", "code", "result", "data", "token"), answer.envelope().keySet());
        assertEquals(Codes.UPSTREAM_UNAVAILABLE, answer.code());
        assertEquals("", answer.envelope().get("token"));
        assertTrue(took.compareTo(READ_TIMEOUT.plusSeconds(4)) < 0, "answered after " + took);
        auth.mode(FakeService.Mode.ECHO);
        assertEquals(200, client.postJson("/user/register/register_user_info", "{}").status());
    }

    @Test
    void breakerOpensAfterConsecutiveFailuresAndClosesAfterASuccessfulTrial() {
        FakeService machine = suite.service("machine-service");
        machine.stop();
        for (int i = 0; i < THRESHOLD; i++) {
            assertEquals(503, client.postJson("/verify/verify_is_machine_code_available", "{}").status());
        }
        machine.restart();
        int hits = machine.hits();
        GatewayClient.Answer refused = client.postJson("/verify/verify_is_machine_code_available", "{}");
        assertEquals(503, refused.status(), "the breaker is open although the service is back");
        assertEquals(Codes.UPSTREAM_UNAVAILABLE, refused.code());
        assertEquals(hits, machine.hits(), "an open breaker does not call the service");
        assertEquals(200, client.postJson("/verify/verify_is_user_id_available", "{}").status(),
                "other services' breakers are their own");

        clock.advance(BREAKER_PAUSE.plusSeconds(1));
        assertEquals(200, client.postJson("/verify/verify_is_machine_code_available", "{}").status(), "trial call");
        assertEquals(200, client.postJson("/verify/verify_is_machine_code_available", "{}").status(), "closed again");
        assertEquals(hits + 2, machine.hits());
    }

    @Test
    void failingTrialReopensTheBreaker() {
        FakeService machine = suite.service("machine-service");
        machine.mode(FakeService.Mode.FAIL);
        for (int i = 0; i < THRESHOLD; i++) {
            GatewayClient.Answer failed = client.postJson("/verify/verify_is_machine_code_available", "{}");
            assertEquals(503, failed.status());
            assertEquals("machine-service", failed.data().get("service"), "the service's own 503 passes through");
        }
        clock.advance(BREAKER_PAUSE.plusSeconds(1));
        int hits = machine.hits();
        assertEquals(503, client.postJson("/verify/verify_is_machine_code_available", "{}").status(), "failing trial");
        assertEquals(hits + 1, machine.hits());
        assertEquals(503, client.postJson("/verify/verify_is_machine_code_available", "{}").status());
        assertEquals(hits + 1, machine.hits(), "open again after the failed trial");
    }
}
