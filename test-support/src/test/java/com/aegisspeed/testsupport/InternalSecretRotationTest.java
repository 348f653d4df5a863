package com.aegisspeed.testsupport;

import com.aegisspeed.common.internal.InternalConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.Map;

/**
 * While the internal secret is rotated, a service accepts the previous secret as well as the new one, so replicas
 * still sending the old one keep working until they restart (deploy/README.md); any other value stays refused.
 */
class InternalSecretRotationTest {

    private static final String NEW_SECRET = "the-new-internal-secret";
    private static final String PREVIOUS_SECRET = "the-previous-internal-secret";
    private static RunningService service;

    @BeforeAll
    static void start() {
        service = RunningService.start(Map.of(
                "micronaut.application.name", "internal-secret-rotation-probe",
                "aegis.internal.secret", NEW_SECRET,
                "aegis.internal.previous-secret", PREVIOUS_SECRET,
                "aegis.db.url", "jdbc:h2:mem:internal-secret-rotation;MODE=MySQL;DATABASE_TO_LOWER=TRUE",
                "flyway.datasources.default.enabled", false));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private TestHttp.Reply internalCall(String secret) {
        return service.http().send(HttpRequest.newBuilder(service.http().uri("/internal/anything")).GET()
                .header(InternalConfiguration.HEADER, secret));
    }

    @Test
    void theNewSecretIsAccepted() {
        // No internal endpoint exists in this bare context, so being let through shows as "no such endpoint".
        EnvelopeAssertions.assertErrorEnvelope(internalCall(NEW_SECRET), 404, "00004");
    }

    @Test
    void thePreviousSecretIsStillAcceptedDuringTheRotation() {
        EnvelopeAssertions.assertErrorEnvelope(internalCall(PREVIOUS_SECRET), 404, "00004");
    }

    @Test
    void anyOtherValueIsStillRefused() {
        EnvelopeAssertions.assertErrorEnvelope(internalCall("a-wrong-secret"), 403, "00000");
        EnvelopeAssertions.assertErrorEnvelope(internalCall(PREVIOUS_SECRET + "x"), 403, "00000");
        EnvelopeAssertions.assertErrorEnvelope(internalCall(""), 403, "00000");
    }
}
