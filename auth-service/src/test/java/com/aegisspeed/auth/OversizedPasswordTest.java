package com.aegisspeed.auth;

import com.aegisspeed.testsupport.EnvelopeAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A password far longer than any account's (up to the 64 KiB body limit) is just a wrong password: the check
 * answers and counts as for any other, instead of a server fault when the request to user-service would not fit
 * its own body limit. Found by system-tests' HostileBodiesTest.
 */
@ExtendWith(RealUserService.class)
class OversizedPasswordTest {

    /** As long as the 64 KiB limit lets a login body carry; with the fields auth-service adds it would not fit. */
    private static final String HUGE = "x".repeat(65_480);
    private static AuthHarness harness;

    @BeforeAll
    static void start(RealUserService.Running users) {
        harness = AuthHarness.start(users);
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void aLoginWithAHugePasswordIsAWrongPassword() {
        Map<String, Object> user = harness.registeredUser();
        EnvelopeAssertions.assertTokenErrorEnvelope(harness.loginFrom("192.0.2.10", user.get("user_id"), HUGE).reply(),
                401, "10001");
        EnvelopeAssertions.assertTokenErrorEnvelope(harness.loginFrom("192.0.2.11", harness.newUserFields().get("user_id"),
                "é".repeat(32_740)).reply(), 401, "10002");
    }

    @Test
    void reenteringAHugePasswordForAnAdminSecretIsAWrongPassword() {
        String token = harness.adminToken();
        EnvelopeAssertions.assertErrorEnvelope(harness.post("/user/login_admin_info/verify/get_secret_admin_password",
                token, "{\"user_password\":\"" + HUGE + "x".repeat(20) + "\"}", "X-Forwarded-For", "192.0.2.12"), 401, "10004");
        assertEquals(200, harness.post("/user/login_admin_info/verify/get_secret_admin_password", token,
                "{\"user_password\":\"" + RealUserService.ADMIN_PASSWORD + "\"}", "X-Forwarded-For", "192.0.2.12").status());
    }
}
