package com.aegisspeed.auth;

import com.aegisspeed.testsupport.EnvelopeAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * auth-service's own queries work on embedded H2 in MySQL mode, as {@code bin/run} runs it: the locking read
 * and write of a login counter, the admin secret's upsert (first issue and replacement), and a logout's
 * revocation and the union that finds it.
 */
@ExtendWith(RealUserService.class)
class EmbeddedH2RepositoriesTest {

    private static final String SECRET_PATH = "/user/login_admin_info/verify/get_secret_admin_password";
    private static final String REENTRY = "{\"user_password\":\"" + RealUserService.ADMIN_PASSWORD + "\"}";

    @Test
    void countersSecretsAndRevocationsWorkOnEmbeddedH2(RealUserService.Running users, @TempDir Path dataDir)
            throws Exception {
        try (AuthHarness harness = AuthHarness.onEmbeddedH2(users, dataDir)) {
            String token = harness.adminToken();
            for (int i = 0; i < 2; i++) {
                EnvelopeAssertions.assertTokenErrorEnvelope(harness.login(RealUserService.ADMIN_ID_NUMBER, "wrong-password"), 401, "10001");
            }
            assertEquals(List.of(List.of(2)), harness.query(
                    "SELECT failures FROM login_failures WHERE subject = 'account:" + RealUserService.ADMIN_ID_NUMBER + "'"));

            for (int i = 0; i < 2; i++) {
                assertEquals(200, harness.post(SECRET_PATH, token, REENTRY).status());
            }
            assertEquals(List.of(List.of(1L)), harness.query("SELECT COUNT(*) FROM admin_secrets"));

            assertEquals(200, harness.logout(token).status());
            EnvelopeAssertions.assertErrorEnvelope(harness.logout(token), 401, "10001");
        }
    }
}
