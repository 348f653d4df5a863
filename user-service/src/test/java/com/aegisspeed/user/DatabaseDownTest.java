package com.aegisspeed.user;

import com.aegisspeed.common.identity.Role;
import com.aegisspeed.testsupport.EnvelopeAssertions;
import com.aegisspeed.testsupport.FreshSchema;
import com.aegisspeed.testsupport.PrivateMariaDb;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * With its database really stopped, every endpoint answers its own internal-error code in its own envelope
 * (no SQL, no stack trace), and works again once the database is back.
 */
class DatabaseDownTest {

    @Test
    void eachEndpointAnswersItsInternalErrorCodeWhileTheDatabaseIsDown() {
        try (PrivateMariaDb database = PrivateMariaDb.install();
             FreshSchema schema = database.server().createFreshSchema();
             UserServiceHarness harness = UserServiceHarness.onSchema(schema, Map.of())) {
            Map<String, Object> fields = harness.newUserFields();
            Map<String, Object> user = harness.createUser(fields);
            String token = harness.tokenOf(user);
            assertEquals(200, harness.get("/user/info/get_user_info", token).status());

            database.stop();
            EnvelopeAssertions.assertErrorEnvelope(harness.get("/user/info/get_user_info", token), 500, "10003");
            EnvelopeAssertions.assertErrorEnvelope(
                    harness.post("/user/info/modify_user_phone_number", token, "{\"user_phone_number\":\"15912345678\"}"),
                    500, "10004");
            assertEquals(500, harness.internal("PUT", "/internal/users/" + user.get("public_id") + "/password",
                    "{\"user_password\":\"a-brand-new-secret\"}").status());
            EnvelopeAssertions.assertAvailabilityErrorEnvelope(harness.http().postJson("/verify/verify_is_user_id_available",
                    "{\"user_id\":\"" + user.get("user_id") + "\"}"), 500, "10004");
            String admin = harness.authority.tokenFor((String) user.get("public_id"), (String) user.get("user_AegisSpeed_id"),
                    Role.ADMIN);
            EnvelopeAssertions.assertErrorEnvelope(harness.get("/user/info/get_admin_info", admin,
                    "X-Admin-Secret", harness.authority.issueAdminSecret(admin)), 500, "10003");

            database.start();
            UserServiceHarness.await(200, () -> harness.get("/user/info/get_user_info", token).status());
        }
    }
}
