package com.aegisspeed.gateway;

import com.aegisspeed.common.envelope.Codes;
import com.aegisspeed.common.identity.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A route-table path with a trailing slash is an unknown path: 404 {@code 00004}, reaching neither a service nor
 * the gateway's own controller (which Micronaut's router, ignoring the slash, would otherwise pick, past the
 * open flag, the token check and the rate limits).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrailingSlashTest {

    private static final String SOME_ENDPOINT = "/user/login/login_user_info";

    private GatewayUnderTest suite;
    private GatewayClient client;
    private String[] operator;

    @BeforeAll
    void start() {
        suite = GatewayUnderTest.start();
        client = suite.client;
        String admin = suite.authority.tokenFor("admin-s", "ASD000051", Role.ADMIN);
        operator = new String[] {"Authorization", "Bearer " + admin, "X-Admin-Secret", suite.authority.issueAdminSecret(admin)};
    }

    @AfterAll
    void stop() {
        suite.close();
    }

    @Test
    void gatewayEndpointsWithATrailingSlashAreUnknown() {
        int before = totalHits();
        for (String path : List.of("/test/check_server_state_dev/", "/test/check_server_state_dev//",
                "/test/check_server_api_state/", "/test/check_server_state/", "/verify/verify_client_version_number/",
                "/user/info/get_user_info/")) {
            assertUnknown(client.get(path, "Authorization", suite.userToken()), path);
        }
        assertUnknown(client.get("/admin/endpoints/", operator), "/admin/endpoints/");
        assertUnknown(client.get("/admin/endpoints/history/", operator), "/admin/endpoints/history/");
        assertEquals(before, totalHits());
    }

    @Test
    void anOperatorChangeWithATrailingSlashChangesNothing() {
        String body = "{\"endpoint_path\":\"" + SOME_ENDPOINT + "\"}";
        assertUnknown(client.postJson("/admin/endpoints/close/", body, operator), "/admin/endpoints/close/");
        assertUnknown(client.postJson("/admin/endpoints/close/", body), "/admin/endpoints/close/ without credentials");
        assertEquals(200, client.postJson(SOME_ENDPOINT, "{}").status(), "the endpoint is still open");
    }

    private static void assertUnknown(GatewayClient.Answer answer, String what) {
        assertEquals(404, answer.status(), what + ": " + answer.body());
        assertEquals(Codes.NO_SUCH_ENDPOINT, answer.code(), what);
    }

    private int totalHits() {
        return suite.services.values().stream().mapToInt(FakeService::hits).sum();
    }
}
