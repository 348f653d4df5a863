package com.aegisspeed.testsupport;

import com.aegisspeed.common.envelope.Codes;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static com.aegisspeed.testsupport.EnvelopeAssertions.assertStandardEnvelope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stopping the service (what SIGTERM does) lets a request already in progress finish with its answer. */
public abstract class GracefulShutdownContract {

    @Test
    void requestInProgressCompletesWhileTheServiceStops() throws Exception {
        try (RunningService service = RunningService.onFreshSchema(Map.of("spec.name", EnvelopeProbeController.SPEC_NAME))) {
            CompletableFuture<TestHttp.Reply> inFlight = CompletableFuture.supplyAsync(() -> service.http().get("/probe/slow"));
            Thread.sleep(EnvelopeProbeController.SLOW_MILLIS / 4);
            Instant stopping = Instant.now();
            service.close();
            Duration stopTook = Duration.between(stopping, Instant.now());

            TestHttp.Reply reply = inFlight.get();
            assertEquals("finished", assertStandardEnvelope(reply, 200, Codes.SUCCESS).get("result"));
            assertTrue(stopTook.toMillis() >= EnvelopeProbeController.SLOW_MILLIS / 2,
                    "the service stopped without waiting for the request in flight: " + stopTook);
        }
    }
}
