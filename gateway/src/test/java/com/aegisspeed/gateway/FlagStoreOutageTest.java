package com.aegisspeed.gateway;

import com.aegisspeed.common.identity.Role;
import com.aegisspeed.testsupport.FreshSchema;
import com.aegisspeed.testsupport.PrivateMariaDb;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * While the gateway's database is down, the last known flags stay in force and traffic keeps flowing; operator
 * changes answer 500 {@code 10003} and change nothing; once the database is back, operators work again.
 */
class FlagStoreOutageTest {

    private static final Duration RECOVERS_WITHIN = Duration.ofSeconds(30);
    private static final String CLOSED = "/user/register/register_user_info";

    @Test
    void lastKnownFlagsHoldWhileTheDatabaseIsDown() {
        try (PrivateMariaDb database = PrivateMariaDb.install();
             FreshSchema schema = database.server().createFreshSchema()) {
            Map<String, Object> properties = new HashMap<>(schema.serviceProperties());
            try (GatewayUnderTest suite = GatewayUnderTest.onSchema(properties)) {
                GatewayClient client = suite.client;
                String admin = suite.authority.tokenFor("admin-o", "ASD000041", Role.ADMIN);
                String[] operator = {"Authorization", "Bearer " + admin, "X-Admin-Secret", suite.authority.issueAdminSecret(admin)};
                assertEquals(200, client.postJson("/admin/endpoints/close", "{\"endpoint_path\":\"" + CLOSED + "\"}", operator).status());

                database.stop();
                assertEquals(403, client.postJson(CLOSED, "{}").status(), "closed stays closed");
                assertEquals(200, client.postJson("/user/login/login_user_info", "{}").status(), "open stays open");
                GatewayClient.Answer refused = client.postJson("/admin/endpoints/open", "{\"endpoint_path\":\"" + CLOSED + "\"}", operator);
                assertEquals(500, refused.status(), refused.body());
                assertEquals("10003", refused.code());
                assertEquals(403, client.postJson(CLOSED, "{}").status(), "a failed change changes nothing");

                database.start();
                Instant deadline = Instant.now().plus(RECOVERS_WITHIN);
                GatewayClient.Answer reopened = client.postJson("/admin/endpoints/open", "{\"endpoint_path\":\"" + CLOSED + "\"}", operator);
                while (reopened.status() != 200 && Instant.now().isBefore(deadline)) {
                    reopened = client.postJson("/admin/endpoints/open", "{\"endpoint_path\":\"" + CLOSED + "\"}", operator);
                }
                assertEquals(200, reopened.status(), reopened.body());
                assertEquals(200, client.postJson(CLOSED, "{}").status());
            }
        }
    }
}
