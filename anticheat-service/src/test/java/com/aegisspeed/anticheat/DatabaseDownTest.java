package com.aegisspeed.anticheat;

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

import static com.aegisspeed.anticheat.AnticheatHarness.HISTORY;
import static com.aegisspeed.anticheat.AnticheatHarness.LIST_RECORDS;
import static com.aegisspeed.anticheat.AnticheatHarness.REPORT;
import static com.aegisspeed.anticheat.AnticheatHarness.STATUS;
import static com.aegisspeed.anticheat.AnticheatHarness.json;
import static com.aegisspeed.anticheat.AnticheatHarness.newLaunchCode;
import static com.aegisspeed.anticheat.AnticheatHarness.newMachineCode;
import static com.aegisspeed.anticheat.AnticheatHarness.report;
import static com.aegisspeed.testsupport.EnvelopeAssertions.assertErrorEnvelope;
import static com.aegisspeed.testsupport.EnvelopeAssertions.assertStandardEnvelope;

/** With its database server really stopped, each anticheat endpoint answers its own internal-error code. */
class DatabaseDownTest {

    @Test
    void eachEndpointAnswersItsInternalErrorCode() {
        try (TestAuthority authority = TestAuthority.start();
             TestUserDirectory users = TestUserDirectory.start(authority.internalSecret());
             TestMachineDirectory machines = TestMachineDirectory.start(authority.internalSecret());
             PrivateMariaDb database = PrivateMariaDb.install()) {
            // The private server is deleted whole on close: its schema needs no dropping.
            FreshSchema schema = database.server().createFreshSchema();
            Map<String, Object> properties = new HashMap<>(schema.serviceProperties());
            properties.putAll(authority.properties());
            properties.putAll(users.properties());
            properties.putAll(machines.properties());
            try (RunningService service = RunningService.start(properties)) {
                TestHttp http = service.http();
                InternalUser user = users.addUser(Role.USER);
                String token = authority.tokenFor(user.publicId(), user.aegisSpeedId(), Role.USER);
                String machine = newMachineCode();
                machines.bind(machine, user.publicId());
                InternalUser admin = users.addUser(Role.ADMIN);
                String adminToken = authority.tokenFor(admin.publicId(), admin.aegisSpeedId(), Role.ADMIN);
                String adminSecret = authority.issueAdminSecret(adminToken);
                assertStandardEnvelope(send(http, STATUS, token, null, null), 200, Codes.SUCCESS);

                database.stop();
                assertErrorEnvelope(send(http, REPORT, token, null,
                        report(newLaunchCode(), machine, "Passed", "2026-02-23T10:00:00Z")), 500, "10004");
                assertErrorEnvelope(send(http, HISTORY, token, null, null), 500, "10004");
                assertErrorEnvelope(send(http, STATUS, token, null, null), 500, "10005");
                assertErrorEnvelope(send(http, LIST_RECORDS, adminToken, adminSecret, null), 500, "10003");
            }
        }
    }

    /** A GET when {@code body} is null, else a JSON POST. */
    private static TestHttp.Reply send(TestHttp http, String path, String token, String adminSecret, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http.uri(path)).header("Authorization", "Bearer " + token);
        if (adminSecret != null) {
            request.header("X-Admin-Secret", adminSecret);
        }
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json(body)));
        }
        return http.send(request);
    }
}
