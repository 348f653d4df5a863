package com.aegisspeed.machine;

import com.aegisspeed.common.envelope.Codes;
import com.aegisspeed.common.identity.Role;
import com.aegisspeed.common.internal.InternalUser;
import com.aegisspeed.testsupport.FreshSchema;
import com.aegisspeed.testsupport.PrivateMariaDb;
import com.aegisspeed.testsupport.RunningService;
import com.aegisspeed.testsupport.TestAuthority;
import com.aegisspeed.testsupport.TestHttp;
import com.aegisspeed.testsupport.TestUserDirectory;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.Map;

import static com.aegisspeed.machine.MachineServiceHarness.AVAILABILITY;
import static com.aegisspeed.machine.MachineServiceHarness.BY_AEGISSPEED_ID;
import static com.aegisspeed.machine.MachineServiceHarness.byAegisSpeedId;
import static com.aegisspeed.machine.MachineServiceHarness.json;
import static com.aegisspeed.machine.MachineServiceHarness.newMachineCode;
import static com.aegisspeed.testsupport.EnvelopeAssertions.assertAvailabilityErrorEnvelope;
import static com.aegisspeed.testsupport.EnvelopeAssertions.assertErrorEnvelope;
import static com.aegisspeed.testsupport.EnvelopeAssertions.assertStandardEnvelope;

/** With its database server really stopped, each machine endpoint answers its own internal-error code. */
class DatabaseDownTest {

    @Test
    void eachEndpointAnswersItsInternalErrorCode() {
        try (TestAuthority authority = TestAuthority.start();
             TestUserDirectory users = TestUserDirectory.start(authority.internalSecret());
             PrivateMariaDb database = PrivateMariaDb.install()) {
            // The private server is deleted whole on close: its schema needs no dropping.
            FreshSchema schema = database.server().createFreshSchema();
            Map<String, Object> properties = new HashMap<>(schema.serviceProperties());
            properties.putAll(authority.properties());
            properties.putAll(users.properties());
            try (RunningService service = RunningService.start(properties)) {
                InternalUser user = users.addUser(Role.USER);
                String token = authority.tokenFor(user.publicId(), user.aegisSpeedId(), Role.USER);
                Map<String, Object> bind = byAegisSpeedId(user.aegisSpeedId(), newMachineCode());
                assertStandardEnvelope(post(service.http(), BY_AEGISSPEED_ID, token, bind), 200, Codes.SUCCESS);

                database.stop();
                assertErrorEnvelope(post(service.http(), BY_AEGISSPEED_ID, token,
                        byAegisSpeedId(user.aegisSpeedId(), newMachineCode())), 500, "10005");
                assertAvailabilityErrorEnvelope(post(service.http(), AVAILABILITY, null,
                        Map.of("user_id", user.idNumber(), "machine_code", newMachineCode())), 500, "10004");
            }
        }
    }

    private static TestHttp.Reply post(TestHttp http, String path, String token, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http.uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request);
    }
}
