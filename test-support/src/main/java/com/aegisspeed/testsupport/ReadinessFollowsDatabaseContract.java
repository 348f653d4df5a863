package com.aegisspeed.testsupport;

import com.aegisspeed.common.envelope.Codes;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;

import static com.aegisspeed.testsupport.EnvelopeAssertions.assertStandardEnvelope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service's readiness goes down when its database server is really stopped, answers quickly while
 * it is down, and comes back by itself when the server is started again; liveness stays up throughout.
 */
public abstract class ReadinessFollowsDatabaseContract {

    private static final Duration CHANGE_WITHIN = Duration.ofSeconds(30);
    /** Pool connection timeout (2 s) plus margin: a probe must never hang while the database is down. */
    private static final Duration PROBE_ANSWERS_WITHIN = Duration.ofSeconds(5);

    @Test
    void readinessFollowsTheDatabase() {
        try (PrivateMariaDb database = PrivateMariaDb.install();
             FreshSchema schema = database.server().createFreshSchema();
             RunningService service = RunningService.start(schema.serviceProperties())) {
            TestHttp http = service.managementHttp();
            assertReadiness(http.get("/health/readiness"), 200, "UP");

            database.stop();
            TestHttp.Reply down = awaitReadiness(http, reply -> reply.status() == 503);
            assertReadiness(down, 503, "DOWN");
            Instant before = Instant.now();
            assertReadiness(http.get("/health/readiness"), 503, "DOWN");
            assertTrue(Duration.between(before, Instant.now()).compareTo(PROBE_ANSWERS_WITHIN) < 0,
                    "readiness took too long while the database was down");
            assertStandardEnvelope(http.get("/health/liveness"), 200, Codes.SUCCESS);

            database.start();
            assertReadiness(awaitReadiness(http, reply -> reply.status() == 200), 200, "UP");
        }
    }

    private static void assertReadiness(TestHttp.Reply reply, int status, String state) {
        Map<String, Object> envelope = assertStandardEnvelope(reply, status,
                status == 200 ? Codes.SUCCESS : Codes.UPSTREAM_UNAVAILABLE);
        assertEquals(state, envelope.get("result"));
        assertEquals(Map.of("database", state), reply.data().get("checks"));
    }

    private static TestHttp.Reply awaitReadiness(TestHttp http, Predicate<TestHttp.Reply> condition) {
        Instant deadline = Instant.now().plus(CHANGE_WITHIN);
        TestHttp.Reply reply = http.get("/health/readiness");
        while (!condition.test(reply) && Instant.now().isBefore(deadline)) {
            sleep();
            reply = http.get("/health/readiness");
        }
        return reply;
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
