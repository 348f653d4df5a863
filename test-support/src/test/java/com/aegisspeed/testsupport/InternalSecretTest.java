package com.aegisspeed.testsupport;

import com.aegisspeed.common.internal.InternalConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code /internal/**} answers only callers presenting the internal secret (docs/internal-api.md). */
class InternalSecretTest {

    private static final String SECRET = "internal-secret-for-this-test";
    private static RunningService service;

    @BeforeAll
    static void start() {
        service = RunningService.start(Map.of(
                "micronaut.application.name", "internal-secret-probe",
                "aegis.internal.secret", SECRET,
                "aegis.db.url", "jdbc:h2:mem:internal-secret;MODE=MySQL;DATABASE_TO_LOWER=TRUE",
                "flyway.datasources.default.enabled", false));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private TestHttp.Reply internalCall(String secret) {
        HttpRequest.Builder request = HttpRequest.newBuilder(service.http().uri("/internal/anything")).GET();
        if (secret != null) {
            request.header(InternalConfiguration.HEADER, secret);
        }
        return service.http().send(request);
    }

    @Test
    void withoutTheSecretInternalEndpointsAreNotOpen() {
        EnvelopeAssertions.assertErrorEnvelope(internalCall(null), 403, "00000");
        EnvelopeAssertions.assertErrorEnvelope(internalCall("a-wrong-secret"), 403, "00000");
        EnvelopeAssertions.assertErrorEnvelope(internalCall(SECRET + "x"), 403, "00000");
    }

    @Test
    void withTheSecretTheRequestIsServed() {
        // No internal endpoint exists in this bare context, so being let through shows as "no such endpoint".
        EnvelopeAssertions.assertErrorEnvelope(internalCall(SECRET), 404, "00004");
    }
}
