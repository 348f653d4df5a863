package com.aegisspeed.auth;

import com.aegisspeed.testsupport.EnvelopeAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /user/login/logout}: revokes the presented token (its jti) and nothing else. */
@ExtendWith(RealUserService.class)
class LogoutTest {

    private static final String PATH = "/user/login/logout";
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
    void theTokenIsRevokedAndPublishedButTheUsersOtherTokensStayValid() {
        Map<String, Object> user = harness.registeredUser();
        String token = (String) user.get("token");
        String other = (String) harness.login(user.get("user_id"), user.get("user_password")).envelope().get("token");

        EnvelopeAssertions.assertStandardEnvelope(harness.logout(token), 200, "10000");
        EnvelopeAssertions.assertErrorEnvelope(harness.logout(token), 401, "10001");

        String jti = AuthHarness.claimsOf(token).getJWTID();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) harness.internal("GET", "/internal/revocations", null)
                .data().get("entries");
        assertTrue(entries.stream().anyMatch(e -> jti.equals(e.get("jti"))
                && ((Number) e.get("expires_at")).longValue() == AuthHarness.claimsOf(token).getExpirationTime().getTime() / 1000),
                entries.toString());

        assertEquals(200, harness.logout(other).status());
    }

    @Test
    void withoutAValidTokenItAnswers401Code10001() {
        EnvelopeAssertions.assertErrorEnvelope(harness.logout(null), 401, "10001");
        EnvelopeAssertions.assertErrorEnvelope(harness.logout("not-a-token"), 401, "10001");
    }

    @Test
    void whenClosedForMaintenanceItAnswers403Code10003(RealUserService.Running users) {
        try (AuthHarness closed = AuthHarness.start(users, Map.of("aegis.maintenance.closed-endpoints", PATH))) {
            EnvelopeAssertions.assertErrorEnvelope(closed.logout(closed.adminToken()), 403, "10003");
        }
    }
}
