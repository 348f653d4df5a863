package com.aegisspeed.testsupport;

import com.aegisspeed.common.envelope.Codes;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.aegisspeed.testsupport.EnvelopeAssertions.assertAvailabilityErrorEnvelope;
import static com.aegisspeed.testsupport.EnvelopeAssertions.assertErrorEnvelope;
import static com.aegisspeed.testsupport.EnvelopeAssertions.assertStandardEnvelope;
import static com.aegisspeed.testsupport.EnvelopeAssertions.assertTokenErrorEnvelope;
import static com.aegisspeed.testsupport.EnvelopeProbeController.VALID_BODY;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The service's own maintenance switch (docs/contract.md): endpoints it closes answer 403 with their own
 * documented not-open code and envelope, the others and the probes keep working.
 */
public abstract class MaintenanceSwitchContract {

    @Test
    void closedEndpointsAnswer403WithTheirOwnNotOpenCode() {
        // Comma-separated, as the AEGIS_MAINTENANCE_CLOSED_ENDPOINTS environment variable gives it.
        try (RunningService service = start("/probe/token,/probe/availability")) {
            TestHttp http = service.http();
            Map<String, Object> token = assertTokenErrorEnvelope(http.postJson("/probe/token", VALID_BODY),
                    403, EnvelopeProbeController.TOKEN_NOT_OPEN);
            assertEquals(Codes.ENDPOINT_NOT_OPEN_TEXT, token.get("result"));
            assertAvailabilityErrorEnvelope(http.postJson("/probe/availability", VALID_BODY),
                    403, EnvelopeProbeController.AVAILABILITY_NOT_OPEN);
            assertStandardEnvelope(http.postJson("/probe/standard", VALID_BODY), 200, Codes.SUCCESS);
        }
    }

    @Test
    void aClosedEndpointIsAlsoClosedWhenAskedForWithATrailingSlash() {
        try (RunningService service = start("/probe/token, /probe/standard/")) {
            TestHttp http = service.http();
            assertTokenErrorEnvelope(http.postJson("/probe/token/", VALID_BODY), 403, EnvelopeProbeController.TOKEN_NOT_OPEN);
            assertErrorEnvelope(http.postJson("/probe/standard", VALID_BODY), 403, EnvelopeProbeController.STANDARD_NOT_OPEN);
        }
    }

    @Test
    void closingAllEndpointsLeavesProbesAndUnknownPathsAsTheyWere() {
        try (RunningService service = start("*")) {
            TestHttp http = service.http();
            assertErrorEnvelope(http.postJson("/probe/standard", VALID_BODY), 403, EnvelopeProbeController.STANDARD_NOT_OPEN);
            assertErrorEnvelope(http.get("/probe/slow"), 403, EnvelopeProbeController.STANDARD_NOT_OPEN);
            assertStandardEnvelope(service.managementHttp().get("/health/readiness"), 200, Codes.SUCCESS);
            assertStandardEnvelope(service.managementHttp().get("/health/liveness"), 200, Codes.SUCCESS);
            assertErrorEnvelope(http.get("/no/such/endpoint"), 404, Codes.NO_SUCH_ENDPOINT);
        }
    }

    private static RunningService start(String closedEndpoints) {
        return RunningService.onFreshSchema(Map.of(
                "spec.name", EnvelopeProbeController.SPEC_NAME,
                "aegis.maintenance.closed-endpoints", closedEndpoints));
    }
}
