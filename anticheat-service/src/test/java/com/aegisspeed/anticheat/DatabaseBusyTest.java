package com.aegisspeed.anticheat;

import com.aegisspeed.common.envelope.Codes;
import com.aegisspeed.testsupport.HeldPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static com.aegisspeed.anticheat.AnticheatHarness.REPORT;
import static com.aegisspeed.anticheat.AnticheatHarness.STATUS;
import static com.aegisspeed.anticheat.AnticheatHarness.newLaunchCode;
import static com.aegisspeed.anticheat.AnticheatHarness.report;
import static com.aegisspeed.testsupport.EnvelopeAssertions.assertErrorEnvelope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every pooled connection busy past the connection timeout, while the database answers, is refused 429
 * {@code 00001} with {@code Retry-After} in the endpoint's own envelope rather than answered as a fault (500).
 */
class DatabaseBusyTest {

    private static AnticheatHarness harness;

    @BeforeAll
    static void start() {
        harness = AnticheatHarness.start(HeldPool.SMALL_POOL);
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void aPoolBusyForTheWholeTimeoutAnswers429WithRetryAfterAndServesAgainOnceFree() {
        AnticheatHarness.Player player = harness.newPlayer();
        HttpRequest.Builder status = HttpRequest.newBuilder(harness.http.uri(STATUS)).GET()
                .header("Authorization", "Bearer " + player.token());
        HttpRequest.Builder reportCheck = HttpRequest.newBuilder(harness.http.uri(REPORT))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + player.token())
                .POST(HttpRequest.BodyPublishers.ofString(AnticheatHarness.json(
                        report(newLaunchCode(), player.machineCode(), "Passed", "2026-01-01T10:00:00Z"))));
        try (HeldPool ignored = HeldPool.takeAll(harness.service.context())) {
            assertRefused(harness.http.exchange(status));
            assertRefused(harness.http.exchange(reportCheck));
        }
        assertEquals(200, harness.http.send(status).status());
        assertEquals(200, harness.http.send(reportCheck).status());
    }

    private static void assertRefused(HttpResponse<String> answer) {
        assertErrorEnvelope(harness.http.reply(answer), 429, Codes.RATE_LIMITED);
        assertTrue(answer.headers().firstValueAsLong("Retry-After").orElse(0) >= 1, answer.headers().toString());
    }
}
