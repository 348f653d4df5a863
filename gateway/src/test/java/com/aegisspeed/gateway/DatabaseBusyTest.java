package com.aegisspeed.gateway;

import com.aegisspeed.common.envelope.Codes;
import com.aegisspeed.common.identity.Role;
import com.aegisspeed.testsupport.HeldPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway's own database (endpoint flags and their history) with every pooled connection busy past the
 * connection timeout: the operator API refuses 429 {@code 00001} with {@code Retry-After} rather than a 500, changes
 * nothing, and client traffic keeps flowing on the cached flags meanwhile.
 */
class DatabaseBusyTest {

    private static final String PATH = "/verify/verify_client_version_number";
    private static GatewayUnderTest suite;
    private static String[] operator;

    @BeforeAll
    static void start() {
        suite = GatewayUnderTest.start(HeldPool.SMALL_POOL);
        String token = suite.authority.tokenFor("admin-busy", "ASD000031", Role.ADMIN);
        operator = new String[] {"Authorization", "Bearer " + token, "X-Admin-Secret", suite.authority.issueAdminSecret(token)};
    }

    @AfterAll
    static void stop() {
        suite.close();
    }

    @Test
    void aPoolBusyForTheWholeTimeoutAnswers429WithRetryAfterWhileClientsAreStillServed() {
        String close = "{\"endpoint_path\":\"" + PATH + "\"}";
        try (HeldPool ignored = HeldPool.takeAll(suite.gateway.context())) {
            GatewayClient.Answer refused = suite.client.postJson("/admin/endpoints/close", close, operator);
            assertEquals(429, refused.status(), refused.body());
            assertEquals(Codes.RATE_LIMITED, refused.code());
            assertTrue(Long.parseLong(refused.header("Retry-After")) >= 1, refused.body());
            GatewayClient.Answer history = suite.client.get("/admin/endpoints/history?endpoint_path=" + PATH, operator);
            assertEquals(429, history.status(), history.body());
            assertEquals(200, suite.client.get(PATH).status(), "clients are served on the cached flags");
        }
        assertEquals(200, suite.client.get(PATH).status(), "the refused close changed nothing");
        assertEquals(200, suite.client.postJson("/admin/endpoints/close", close, operator).status());
        assertEquals(403, suite.client.get(PATH).status());
        assertEquals(200, suite.client.postJson("/admin/endpoints/open", "{\"endpoint_path\":\"" + PATH + "\"}", operator).status());
    }
}
