package com.aegisspeed.testsupport;

import com.aegisspeed.common.envelope.Codes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;

import static com.aegisspeed.testsupport.EnvelopeAssertions.assertAvailabilityErrorEnvelope;
import static com.aegisspeed.testsupport.EnvelopeAssertions.assertErrorEnvelope;
import static com.aegisspeed.testsupport.EnvelopeAssertions.assertStandardEnvelope;
import static com.aegisspeed.testsupport.EnvelopeAssertions.assertTokenErrorEnvelope;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The service's own maintenance switch (DECISIONS.md §3): endpoints it closes answer 403 with their own
 * documented not-open code and envelope, the others and the probes keep working.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class MaintenanceSwitchContract {

    private static final String VALID = "{\"name\":\"alice\",\"count\":3}";

    private FreshSchema schema;

    @BeforeAll
    void createSchema() {
        schema = MariaDbServer.fromEnvironment().createFreshSchema();
    }

    @AfterAll
    void dropSchema() {
        if (schema != null) {
            schema.close();
        }
    }

    @Test
    void closedEndpointsAnswer403WithTheirOwnNotOpenCode() {
        // Comma-separated, as the AEGIS_MAINTENANCE_CLOSED_ENDPOINTS environment variable gives it.
        try (RunningService service = start("/probe/token,/probe/availability")) {
            TestHttp http = service.http();
            Map<String, Object> token = assertTokenErrorEnvelope(http.postJson("/probe/token", VALID),
                    403, EnvelopeProbeController.TOKEN_NOT_OPEN);
            assertEquals(Codes.ENDPOINT_NOT_OPEN_TEXT, token.get("result"));
            assertAvailabilityErrorEnvelope(http.postJson("/probe/availability", VALID),
                    403, EnvelopeProbeController.AVAILABILITY_NOT_OPEN);
            assertStandardEnvelope(http.postJson("/probe/standard", VALID), 200, Codes.SUCCESS);
        }
    }

    @Test
    void closingAllEndpointsLeavesProbesAndUnknownPathsAsTheyWere() {
        try (RunningService service = start("*")) {
            TestHttp http = service.http();
            assertErrorEnvelope(http.postJson("/probe/standard", VALID), 403, EnvelopeProbeController.STANDARD_NOT_OPEN);
            assertErrorEnvelope(http.get("/probe/slow"), 403, EnvelopeProbeController.STANDARD_NOT_OPEN);
            assertStandardEnvelope(http.get("/health/readiness"), 200, Codes.SUCCESS);
            assertStandardEnvelope(http.get("/health/liveness"), 200, Codes.SUCCESS);
            assertErrorEnvelope(http.get("/no/such/endpoint"), 404, Codes.NO_SUCH_ENDPOINT);
        }
    }

    private RunningService start(String closedEndpoints) {
        Map<String, Object> properties = new HashMap<>(schema.serviceProperties());
        properties.put("spec.name", EnvelopeProbeController.SPEC_NAME);
        properties.put("aegis.maintenance.closed-endpoints", closedEndpoints);
        return RunningService.start(properties);
    }
}
