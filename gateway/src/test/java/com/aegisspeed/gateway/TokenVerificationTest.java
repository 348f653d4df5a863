package com.aegisspeed.gateway;

import com.aegisspeed.common.identity.Role;
import com.aegisspeed.testsupport.TestAuthority;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Protected routes need a valid token before anything reaches the service (docs/contract.md): missing, tampered,
 * expired, foreign or revoked tokens answer 401 {@code 10001} in the route's envelope; public routes need none.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenVerificationTest {

    private static final Duration REVOCATION_REACHES_GATEWAY = Duration.ofSeconds(5);

    private GatewayUnderTest suite;
    private GatewayClient client;
    private TestAuthority authority;

    @BeforeAll
    void start() {
        suite = GatewayUnderTest.start();
        client = suite.client;
        authority = suite.authority;
    }

    @AfterAll
    void stop() {
        suite.close();
    }

    @Test
    void validTokenPasses() {
        String token = authority.tokenFor("sub-valid", "ASD000201", Role.USER);
        GatewayClient.Answer answer = client.get("/user/info/get_user_info", "Authorization", "Bearer " + token);
        assertEquals(200, answer.status(), answer.body());
        assertEquals("user-service", answer.data().get("service"));
    }

    @Test
    void missingOrMalformedTokensAnswer401With10001WithoutReachingTheService() {
        assertRefused();
        assertRefused("Authorization", "Bearer");
        assertRefused("Authorization", "Bearer not.a.jwt");
        assertRefused("Authorization", "Basic dXNlcjpwYXNz");
        assertRefused("Authorization", "Bearer " + authority.tokenFor("s", "ASD000202", Role.USER) + "x");
    }

    @Test
    void tamperedTokensAnswer401() {
        JWTClaimsSet claims = authority.claims("sub-tamper", "ASD000203", Role.USER).build();
        assertRefused("Authorization", "Bearer " + authority.signWithForeignKey(claims));
        assertRefused("Authorization", "Bearer " + TestAuthority.unsigned(claims));
        // A valid signature over other claims: swap the payload of one token into another.
        String[] real = authority.sign(claims).split("\\.");
        String[] admin = authority.tokenFor("sub-other", "ASD000204", Role.SUPER_ADMIN).split("\\.");
        assertRefused("Authorization", "Bearer " + real[0] + "." + admin[1] + "." + real[2]);
    }

    @Test
    void expiredWrongAudienceAndWrongIssuerTokensAnswer401() {
        Instant now = Instant.now();
        assertRefused("Authorization", "Bearer " + authority.sign(authority.claims("sub-old", "ASD000205", Role.USER)
                .issueTime(Date.from(now.minus(Duration.ofDays(8))))
                .expirationTime(Date.from(now.minus(Duration.ofDays(1)))).build()));
        assertRefused("Authorization", "Bearer " + authority.sign(authority.claims("sub-aud", "ASD000206", Role.USER)
                .audience("someone-else").build()));
        assertRefused("Authorization", "Bearer " + authority.sign(authority.claims("sub-iss", "ASD000207", Role.USER)
                .issuer("not-aegisspeed").build()));
    }

    @Test
    void revokedTokenIsRefusedOnceTheRevocationIsPolled() {
        String token = authority.tokenFor("sub-revoked", "ASD000208", Role.USER);
        GatewayClient.Answer before = client.get("/user/info/get_user_info", "Authorization", "Bearer " + token);
        assertEquals(200, before.status(), before.body());
        authority.revoke(token);
        Instant deadline = Instant.now().plus(REVOCATION_REACHES_GATEWAY);
        GatewayClient.Answer answer = client.get("/user/info/get_user_info", "Authorization", "Bearer " + token);
        while (answer.status() == 200 && Instant.now().isBefore(deadline)) {
            answer = client.get("/user/info/get_user_info", "Authorization", "Bearer " + token);
        }
        assertEquals(401, answer.status(), answer.body());
        assertEquals("10001", answer.code());
    }

    @Test
    void everyProtectedRouteRefusesABadTokenWith10001MachineBindingIncluded() {
        String expired = authority.sign(authority.claims("sub-every", "ASD000209", Role.USER)
                .expirationTime(Date.from(Instant.now().minusSeconds(1))).build());
        Map<String, String> protectedRoutes = Map.ofEntries(
                Map.entry("/user/login_admin_info/verify/get_secret_admin_password", "POST"),
                Map.entry("/user/login/logout", "POST"),
                Map.entry("/user/info/get_user_info", "GET"),
                Map.entry("/user/info/get_admin_info", "GET"),
                Map.entry("/user/info/modify_user_phone_number", "POST"),
                Map.entry("/user/info/modify_user_password", "POST"),
                Map.entry("/machine/register/register_machine_info", "POST"),
                Map.entry("/machine/register/register_machine_info_by_aegisspeed_id", "POST"),
                Map.entry("/user/info/get_user_check_info", "GET"),
                Map.entry("/anticheat/check/check_user_cheat_status", "GET"),
                Map.entry("/anticheat/report/report_check_result", "POST"),
                Map.entry("/anticheat/admin/list_cheating_records", "GET"),
                Map.entry("/anticheat/admin/get_cheater_mark_history", "GET"),
                Map.entry("/anticheat/admin/mark_cheater", "POST"),
                Map.entry("/anticheat/admin/unmark_cheater", "POST"));
        for (Map.Entry<String, String> route : protectedRoutes.entrySet()) {
            for (String[] headers : new String[][] {{}, {"Authorization", "Bearer " + expired}}) {
                GatewayClient.Answer answer = route.getValue().equals("GET")
                        ? client.get(route.getKey(), headers) : client.postJson(route.getKey(), "{}", headers);
                assertEquals(401, answer.status(), route.getKey() + ": " + answer.body());
                assertEquals("10001", answer.code(), route.getKey() + ": " + answer.body());
                assertEquals(Map.of(), answer.data());
            }
        }
    }

    @Test
    void refusalUsesTheRoutesEnvelope() {
        int before = suite.service("auth-service").hits();
        GatewayClient.Answer logout = client.postJson("/user/login/logout", "{}");
        assertEquals(401, logout.status());
        assertEquals(Set.of("status", "code", "result", "data"), logout.envelope().keySet());
        assertEquals(Map.of(), logout.data());
        assertEquals(before, suite.service("auth-service").hits());
    }

    @Test
    void publicRoutesNeedNoToken() {
        for (String path : List.of("/user/register/register_user_info", "/user/login/login_user_info",
                "/user/login/login_admin_info_by_aegisspeed_id", "/verify/verify_is_user_id_available",
                "/verify/verify_is_machine_code_available")) {
            GatewayClient.Answer answer = client.postJson(path, "{}");
            assertEquals(200, answer.status(), path + ": " + answer.body());
        }
        assertEquals(200, client.get("/test/check_server_state").status());
        assertEquals(200, client.get("/verify/verify_client_version_number").status());
        assertEquals(200, client.get("/test/check_server_api_state").status());
    }

    private void assertRefused(String... headers) {
        int before = suite.service("user-service").hits();
        GatewayClient.Answer answer = client.get("/user/info/get_user_info", headers);
        assertEquals(401, answer.status(), answer.body());
        assertEquals("10001", answer.code(), answer.body());
        assertEquals(Map.of(), answer.data());
        assertTrue(answer.header("X-Request-Id") != null);
        assertEquals(before, suite.service("user-service").hits(), "a refused request reached the service");
    }
}
