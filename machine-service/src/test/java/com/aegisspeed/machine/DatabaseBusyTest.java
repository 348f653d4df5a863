package com.aegisspeed.machine;

import com.aegisspeed.common.envelope.Codes;
import com.aegisspeed.common.identity.Role;
import com.aegisspeed.common.internal.InternalUser;
import com.aegisspeed.testsupport.HeldPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static com.aegisspeed.machine.MachineServiceHarness.AVAILABILITY;
import static com.aegisspeed.machine.MachineServiceHarness.BY_ID_NUMBER;
import static com.aegisspeed.machine.MachineServiceHarness.byIdNumber;
import static com.aegisspeed.machine.MachineServiceHarness.newMachineCode;
import static com.aegisspeed.testsupport.EnvelopeAssertions.assertAvailabilityErrorEnvelope;
import static com.aegisspeed.testsupport.EnvelopeAssertions.assertStandardEnvelope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every pooled connection busy past the connection timeout, while the database answers, is refused 429
 * {@code 00001} with {@code Retry-After} in the endpoint's own envelope rather than answered as a fault (500).
 */
class DatabaseBusyTest {

    private static MachineServiceHarness harness;

    @BeforeAll
    static void start() {
        harness = MachineServiceHarness.start(HeldPool.SMALL_POOL);
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void aPoolBusyForTheWholeTimeoutAnswers429WithRetryAfterAndServesAgainOnceFree() {
        InternalUser owner = harness.users.addUser(Role.USER);
        String token = harness.authority.tokenFor(owner.publicId(), owner.aegisSpeedId(), Role.USER);
        Map<String, Object> check = Map.of("user_id", owner.idNumber(), "machine_code", newMachineCode());
        try (HeldPool ignored = HeldPool.takeAll(harness.service.context())) {
            HttpResponse<String> refused = harness.http.exchange(post(AVAILABILITY, null, check));
            assertAvailabilityErrorEnvelope(harness.http.reply(refused), 429, Codes.RATE_LIMITED);
            assertRetryAfter(refused);
            HttpResponse<String> bindRefused = harness.http.exchange(
                    post(BY_ID_NUMBER, token, byIdNumber(owner.idNumber(), newMachineCode())));
            assertStandardEnvelope(harness.http.reply(bindRefused), 429, Codes.RATE_LIMITED);
            assertRetryAfter(bindRefused);
        }
        assertEquals(200, harness.post(AVAILABILITY, null, check).status());
    }

    private static HttpRequest.Builder post(String path, String token, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(harness.http.uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(MachineServiceHarness.json(body)));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private static void assertRetryAfter(HttpResponse<String> reply) {
        assertTrue(reply.headers().firstValueAsLong("Retry-After").orElse(0) >= 1, reply.headers().toString());
    }
}
