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
 * Protected routes need a valid token before anything reaches the service (DECISIONS.md §4): missing, tampered,
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
    void machineBindingRoutesRefuseWithMachineServicesOwnTokenInvalidCode() {
        String expired = authority.sign(authority.claims("sub-machine", "ASD000209", Role.USER)
                .expirationTime(Date.from(Instant.now().minusSeconds(1))).build());
        for (String path : List.of("/machine/register/register_machine_info",
                "/machine/register/register_machine_info_by_aegisspeed_id")) {
            int before = suite.service("machine-service").hits();
            for (String[] headers : new String[][] {{}, {"Authorization", "Bearer " + expired}}) {
                GatewayClient.Answer answer = client.postJson(path, "{}", headers);
                assertEquals(401, answer.status(), answer.body());
                assertEquals("10006", answer.code(), path + ": " + answer.body());
                assertEquals(Map.of(), answer.data());
            }
            assertEquals(before, suite.service("machine-service").hits(), "a refused request reached the service");
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
