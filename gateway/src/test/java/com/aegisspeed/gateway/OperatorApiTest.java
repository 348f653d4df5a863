package com.aegisspeed.gateway;

import com.aegisspeed.common.envelope.Codes;
import com.aegisspeed.common.identity.Role;
import com.aegisspeed.gateway.routes.Route;
import com.aegisspeed.gateway.routes.RouteTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operator API under {@code /admin/endpoints} (docs/contract.md): only {@code 管理员} and {@code 超级管理员}
 * with a valid dynamic admin secret may use it; a closed endpoint answers 403 {@code 00000} in its own envelope
 * without reaching its service; every change is in the audit history with who, when, from and to.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorApiTest {

    private GatewayUnderTest suite;
    private GatewayClient client;
    private String adminToken;
    private String adminSecret;

    @BeforeAll
    void start() {
        suite = GatewayUnderTest.start();
        client = suite.client;
        adminToken = suite.authority.tokenFor("admin-1", "ASD000001", Role.ADMIN);
        adminSecret = suite.authority.issueAdminSecret(adminToken);
    }

    @AfterAll
    void stop() {
        suite.close();
    }

    @BeforeEach
    void openEverything() {
        for (String service : GatewayUnderTest.SERVICES) {
            assertEquals(200, operator("/admin/endpoints/open_service", "{\"service_name\":\"" + service + "\"}").status());
        }
        operator("/admin/endpoints/open", "{\"endpoint_path\":\"/test/check_server_state\"}");
    }

    @Test
    void listShowsEveryFlaggableEndpointWithItsState() {
        GatewayClient.Answer answer = client.get("/admin/endpoints", adminHeaders());
        assertEquals(200, answer.status(), answer.body());
        assertEquals(Codes.SUCCESS, answer.code());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> endpoints = (List<Map<String, Object>>) answer.data().get("endpoints");
        Map<String, Map<String, Object>> byPath = new java.util.HashMap<>();
        endpoints.forEach(e -> byPath.put((String) e.get("endpoint_path"), e));
        assertEquals(Boolean.TRUE, byPath.get("/user/login/login_user_info").get("is_open"));
        assertEquals("auth-service", byPath.get("/user/login/login_user_info").get("service_name"));
        assertEquals(List.of("POST"), byPath.get("/user/login/login_user_info").get("methods"));
        assertEquals(Boolean.FALSE, byPath.get("/test/check_server_state_dev").get("is_open"), "closed by default");
        assertEquals(Set.of("endpoint_path", "service_name", "methods", "is_open", "updated_at", "maintenance_window_id"),
                byPath.get("/user/info/get_user_info").keySet());
        assertFalse(byPath.containsKey("/admin/endpoints"), "the operator API itself cannot be closed");
        long flaggable = suite.gateway.context().getBean(RouteTable.class).all().stream().filter(Route::flaggable).count();
        assertEquals(flaggable, endpoints.size());
        assertEquals(26, flaggable, "every documented public path, without the operator API");
    }

    @Test
    void closedEndpointAnswers403With00000InItsOwnEnvelopeWithoutReachingTheService() {
        close("/user/login/login_user_info");
        close("/verify/verify_is_machine_code_available");
        close("/user/info/get_user_info");
        close("/test/check_server_state");
        int authHits = suite.service("auth-service").hits();
        int machineHits = suite.service("machine-service").hits();
        int userHits = suite.service("user-service").hits();

        GatewayClient.Answer login = client.postJson("/user/login/login_user_info", "{}");
        assertEquals(403, login.status());
        assertEquals(Map.of("status", 403, "code", "00000", "result", "Server has not opened this endpoint",
                "data", Map.of(), "token", ""), login.envelope());
        GatewayClient.Answer availability = client.postJson("/verify/verify_is_machine_code_available", "{}");
        assertEquals(Map.of("status", 403, "code", "00000", "info", "Server has not opened this endpoint",
                "result", false), availability.envelope());
        GatewayClient.Answer info = client.get("/user/info/get_user_info", "Authorization", suite.userToken());
        assertEquals(Map.of("status", 403, "code", "00000", "result", "Server has not opened this endpoint",
                "data", Map.of()), info.envelope());
        GatewayClient.Answer state = client.get("/test/check_server_state");
        assertEquals(403, state.status());
        assertEquals("00000", state.code());

        assertEquals(authHits, suite.service("auth-service").hits());
        assertEquals(machineHits, suite.service("machine-service").hits());
        assertEquals(userHits, suite.service("user-service").hits());
        assertEquals(200, client.postJson("/user/register/register_user_info", "{}").status(), "others stay open");

        GatewayClient.Answer reopened = operator("/admin/endpoints/open", "{\"endpoint_path\":\"/user/login/login_user_info\"}");
        assertEquals(Map.of("endpoint_path", "/user/login/login_user_info", "was_open", false, "is_open", true),
                reopened.data());
        assertEquals(200, client.postJson("/user/login/login_user_info", "{}").status());
    }

    @Test
    void closingAServiceClosesAllOfItsEndpointsAndOnlyThose() {
        GatewayClient.Answer answer = operator("/admin/endpoints/close_service", "{\"service_name\":\"anticheat-service\"}");
        assertEquals(200, answer.status(), answer.body());
        assertEquals("anticheat-service", answer.data().get("service_name"));
        assertEquals(7, ((List<?>) answer.data().get("endpoints")).size());
        String token = suite.userToken();
        for (String path : List.of("/user/info/get_user_check_info", "/anticheat/check/check_user_cheat_status",
                "/anticheat/admin/list_cheating_records")) {
            assertEquals(403, client.get(path, "Authorization", token).status(), path);
        }
        assertEquals(403, client.postJson("/anticheat/report/report_check_result", "{}", "Authorization", token).status());
        assertEquals(200, client.get("/user/info/get_user_info", "Authorization", token).status());

        operator("/admin/endpoints/open_service", "{\"service_name\":\"anticheat-service\"}");
        assertEquals(200, client.get("/user/info/get_user_check_info", "Authorization", token).status());
    }

    @Test
    void historyRecordsWhoWhenFromAndTo() {
        Instant before = Instant.now().minusSeconds(2);
        close("/user/info/modify_user_phone_number");
        operator("/admin/endpoints/open", "{\"endpoint_path\":\"/user/info/modify_user_phone_number\"}");
        GatewayClient.Answer answer = client.get(
                "/admin/endpoints/history?endpoint_path=/user/info/modify_user_phone_number&limit=10", adminHeaders());
        assertEquals(200, answer.status(), answer.body());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> changes = (List<Map<String, Object>>) answer.data().get("changes");
        assertEquals(2, changes.size(), answer.body());
        Map<String, Object> newest = changes.get(0);
        assertEquals("/user/info/modify_user_phone_number", newest.get("endpoint_path"));
        assertEquals(false, newest.get("was_open"));
        assertEquals(true, newest.get("is_open"));
        assertEquals("ASD000001", newest.get("changed_by"));
        Instant changedAt = Instant.parse((String) newest.get("changed_at"));
        assertTrue(!changedAt.isBefore(before) && changedAt.isBefore(Instant.now().plusSeconds(2)), changedAt.toString());
        assertEquals(true, changes.get(1).get("was_open"));
        assertEquals(false, changes.get(1).get("is_open"));
    }

    @Test
    void settingAnEndpointToItsCurrentStateChangesNothingAndWritesNoHistory() {
        GatewayClient.Answer answer = operator("/admin/endpoints/open", "{\"endpoint_path\":\"/user/info/get_admin_info\"}");
        assertEquals(Map.of("endpoint_path", "/user/info/get_admin_info", "was_open", true, "is_open", true), answer.data());
        GatewayClient.Answer history = client.get("/admin/endpoints/history?endpoint_path=/user/info/get_admin_info",
                adminHeaders());
        assertEquals(List.of(), history.data().get("changes"));
    }

    @Test
    void superAdminMayOperateButOtherRolesMayNot() {
        String superAdmin = suite.authority.tokenFor("admin-2", "ASD000002", Role.SUPER_ADMIN);
        assertEquals(200, client.get("/admin/endpoints", "Authorization", "Bearer " + superAdmin,
                "X-Admin-Secret", suite.authority.issueAdminSecret(superAdmin)).status());
        for (Role role : List.of(Role.USER, Role.ORG_ADMIN)) {
            String token = suite.authority.tokenFor("other-" + role, "ASD000003", role);
            GatewayClient.Answer answer = client.postJson("/admin/endpoints/close",
                    "{\"endpoint_path\":\"/user/login/login_user_info\"}", "Authorization", "Bearer " + token,
                    "X-Admin-Secret", suite.authority.issueAdminSecret(token));
            assertEquals(403, answer.status(), answer.body());
            assertEquals("10005", answer.code());
        }
        assertEquals(200, client.postJson("/user/login/login_user_info", "{}").status(), "nothing was closed");
    }

    @Test
    void missingWrongOrForeignAdminSecretAnswers401With10004() {
        String otherAdmin = suite.authority.tokenFor("admin-3", "ASD000004", Role.ADMIN);
        String othersSecret = suite.authority.issueAdminSecret(otherAdmin);
        for (String[] secret : new String[][] {{}, {"X-Admin-Secret", "wrong"}, {"X-Admin-Secret", othersSecret}}) {
            String[] headers = new String[2 + secret.length];
            headers[0] = "Authorization";
            headers[1] = "Bearer " + adminToken;
            System.arraycopy(secret, 0, headers, 2, secret.length);
            GatewayClient.Answer answer = client.get("/admin/endpoints", headers);
            assertEquals(401, answer.status(), answer.body());
            assertEquals("10004", answer.code());
        }
    }

    @Test
    void unreachableAuthServiceAnswers500With10003AndChangesNothing() {
        suite.authority.stop();
        try {
            GatewayClient.Answer answer = operator("/admin/endpoints/close", "{\"endpoint_path\":\"/user/info/get_user_info\"}");
            assertEquals(500, answer.status(), answer.body());
            assertEquals("10003", answer.code());
        } finally {
            suite.authority.restart();
        }
        assertEquals(200, client.get("/user/info/get_user_info", "Authorization", suite.userToken()).status());
    }

    @Test
    void missingTokenAnswers401With10001() {
        GatewayClient.Answer answer = client.get("/admin/endpoints", "X-Admin-Secret", adminSecret);
        assertEquals(401, answer.status());
        assertEquals("10001", answer.code());
    }

    @Test
    void unknownEndpointOrServiceAnswers404With10006AndBadBodies400With00005() {
        for (String[] call : new String[][] {
                {"/admin/endpoints/close", "{\"endpoint_path\":\"/no/such/endpoint\"}"},
                {"/admin/endpoints/close", "{\"endpoint_path\":\"/admin/endpoints\"}"},
                {"/admin/endpoints/close_service", "{\"service_name\":\"gateway-x\"}"}}) {
            GatewayClient.Answer answer = operator(call[0], call[1]);
            assertEquals(404, answer.status(), answer.body());
            assertEquals("10006", answer.code());
        }
        for (String body : List.of("{oops", "{}", "{\"endpoint_path\":\"\"}", "{\"endpoint_path\":{\"nested\":true}}")) {
            GatewayClient.Answer answer = operator("/admin/endpoints/close", body);
            assertEquals(400, answer.status(), body + ": " + answer.body());
            assertEquals(Codes.MALFORMED_REQUEST, answer.code());
        }
        GatewayClient.Answer badLimit = client.get("/admin/endpoints/history?limit=0", adminHeaders());
        assertEquals(400, badLimit.status(), badLimit.body());
    }

    private void close(String path) {
        GatewayClient.Answer answer = operator("/admin/endpoints/close", "{\"endpoint_path\":\"" + path + "\"}");
        assertEquals(200, answer.status(), answer.body());
        assertEquals(false, answer.data().get("is_open"));
    }

    private GatewayClient.Answer operator(String path, String body) {
        return client.postJson(path, body, adminHeaders());
    }

    private String[] adminHeaders() {
        return new String[] {"Authorization", "Bearer " + adminToken, "X-Admin-Secret", adminSecret};
    }
}
