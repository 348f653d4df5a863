package com.aegisspeed.auth;

import com.aegisspeed.testsupport.EnvelopeAssertions;
import com.aegisspeed.testsupport.FreshSchema;
import com.aegisspeed.testsupport.PrivateMariaDb;
import com.aegisspeed.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * With auth-service's own database really stopped, endpoints that need it (revocations, counters, secrets)
 * answer their internal-error codes; registration, which needs only user-service and the key, still works.
 */
@ExtendWith(RealUserService.class)
class AuthDatabaseDownTest {

    @Test
    void endpointsNeedingTheDatabaseAnswerTheirInternalErrorCode(RealUserService.Running users) throws Exception {
        try (PrivateMariaDb database = PrivateMariaDb.install();
             FreshSchema schema = database.server().createFreshSchema();
             AuthHarness harness = AuthHarness.onSchema(users, schema, AuthHarness.newKey())) {
            String adminToken = harness.adminToken();

            database.stop();
            EnvelopeAssertions.assertErrorEnvelope(harness.logout(adminToken), 500, "10004");
            EnvelopeAssertions.assertTokenErrorEnvelope(
                    harness.login(RealUserService.ADMIN_ID_NUMBER, RealUserService.ADMIN_PASSWORD), 500, "10004");
            EnvelopeAssertions.assertErrorEnvelope(harness.post("/user/login_admin_info/verify/get_secret_admin_password",
                    adminToken, "{\"user_password\":\"" + RealUserService.ADMIN_PASSWORD + "\"}"), 500, "10003");
            EnvelopeAssertions.assertErrorEnvelope(harness.post("/user/info/modify_user_password", adminToken,
                    "{\"user_password\":\"" + RealUserService.ADMIN_PASSWORD + "\",\"new_user_password\":\"a-brand-new-secret\"}"),
                    500, "10004");
            TestHttp.Reply registered = harness.register(harness.newUserFields());
            assertEquals(200, registered.status(), registered.body());

            database.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            int status;
            do {
                status = harness.logout(adminToken).status();
            } while (status != 200 && System.nanoTime() < deadline);
            assertEquals(200, status);
            assertEquals(200, harness.login(RealUserService.ADMIN_ID_NUMBER, RealUserService.ADMIN_PASSWORD).status(),
                    "the password is as it was");
        }
    }
}
