package com.aegisspeed.gateway;

import com.aegisspeed.common.identity.Role;
import com.aegisspeed.testsupport.RunningService;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.function.IntPredicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two gateway processes on one database agree on the endpoint-open flags: a change made through one is
 * enforced by the other within 2 seconds (docs/contract.md), closing and reopening alike.
 */
class FlagPropagationTest {

    private static final Duration WITHIN = Duration.ofSeconds(2);
    private static final String PATH = "/user/login/login_user_info";

    @Test
    void aChangeThroughOneGatewayIsEnforcedByTheOtherWithinTwoSeconds() {
        try (GatewayUnderTest suite = GatewayUnderTest.start();
             RunningService second = suite.secondGateway()) {
            GatewayClient first = suite.client;
            GatewayClient other = new GatewayClient(second.context().getBean(EmbeddedServer.class).getURI());
            String admin = suite.authority.tokenFor("admin-p", "ASD000011", Role.SUPER_ADMIN);
            String[] operator = {"Authorization", "Bearer " + admin, "X-Admin-Secret", suite.authority.issueAdminSecret(admin)};
            assertEquals(200, other.postJson(PATH, "{}").status());

            Instant closed = Instant.now();
            assertEquals(200, first.postJson("/admin/endpoints/close", "{\"endpoint_path\":\"" + PATH + "\"}", operator).status());
            assertEquals(403, first.postJson(PATH, "{}").status(), "the gateway that made the change applies it at once");
            GatewayClient.Answer refused = awaitStatus(other, status -> status == 403, closed);
            assertEquals("00000", refused.code());
            assertEquals("", refused.envelope().get("token"));

            Instant opened = Instant.now();
            assertEquals(200, other.postJson("/admin/endpoints/open", "{\"endpoint_path\":\"" + PATH + "\"}", operator).status());
            awaitStatus(first, status -> status == 200, opened);
        }
    }

    private static GatewayClient.Answer awaitStatus(GatewayClient client, IntPredicate wanted, Instant changedAt) {
        Instant deadline = changedAt.plus(WITHIN);
        GatewayClient.Answer answer = client.postJson(PATH, "{}");
        while (!wanted.test(answer.status()) && Instant.now().isBefore(deadline)) {
            answer = client.postJson(PATH, "{}");
        }
        assertTrue(wanted.test(answer.status()), "not applied within " + WITHIN + ": " + answer.body());
        return answer;
    }
}
