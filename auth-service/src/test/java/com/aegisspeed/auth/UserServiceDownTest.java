package com.aegisspeed.auth;

import com.aegisspeed.testsupport.EnvelopeAssertions;
import com.aegisspeed.testsupport.ServiceProcess;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * With user-service unreachable every endpoint that needs it answers its own internal-error code in its own
 * envelope, and nothing is half-written: no failure is counted against anyone.
 */
@ExtendWith(RealUserService.class)
class UserServiceDownTest {

    @Test
    void eachEndpointAnswersItsInternalErrorCodeAndCountsNothing(RealUserService.Running users) throws Exception {
        ECKey key = AuthHarness.newKey();
        String keys = new JWKSet(key).toString(false);
        String adminToken;
        try (AuthHarness reachable = AuthHarness.start(users, Map.of("aegis.jwt.signing-keys", keys))) {
            adminToken = reachable.adminToken();
        }
        Map<String, Object> unreachable = Map.of(
                "micronaut.http.services.user.url", "http://127.0.0.1:" + ServiceProcess.freePort(),
                "aegis.jwt.signing-keys", keys);
        try (AuthHarness harness = AuthHarness.start(users, unreachable)) {
            EnvelopeAssertions.assertTokenErrorEnvelope(harness.register(harness.newUserFields()), 500, "10009");
            EnvelopeAssertions.assertTokenErrorEnvelope(
                    harness.login(RealUserService.ADMIN_ID_NUMBER, RealUserService.ADMIN_PASSWORD), 500, "10004");
            EnvelopeAssertions.assertTokenErrorEnvelope(harness.adminLogin("ASD000001", RealUserService.ADMIN_PASSWORD), 500, "10004");
            EnvelopeAssertions.assertErrorEnvelope(harness.post("/user/login_admin_info/verify/get_secret_admin_password",
                    adminToken, "{\"user_password\":\"" + RealUserService.ADMIN_PASSWORD + "\"}"), 500, "10003");
            EnvelopeAssertions.assertErrorEnvelope(harness.post("/user/info/modify_user_password", adminToken,
                    "{\"user_password\":\"" + RealUserService.ADMIN_PASSWORD + "\",\"new_user_password\":\"a-brand-new-secret\"}"),
                    500, "10004");
            assertEquals(List.of(), harness.query("SELECT subject FROM login_failures WHERE failures > 0"));
            assertEquals(List.of(), harness.query("SELECT token_jti FROM admin_secrets"));
        }
    }
}
