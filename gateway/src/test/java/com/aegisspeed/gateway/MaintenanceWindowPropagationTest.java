package com.aegisspeed.gateway;

import com.aegisspeed.common.identity.Role;
import com.aegisspeed.testsupport.RunningService;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A maintenance window scheduled through one gateway is applied by another on the same database at both of its
 * boundaries: closed no earlier than its start and within 2 seconds of it, open again within 2 seconds of its
 * end (docs/api-gateway.md).
 */
class MaintenanceWindowPropagationTest {

    private static final Duration WITHIN = Duration.ofSeconds(2);
    private static final String PATH = "/user/info/get_user_info";

    @Test
    void aWindowScheduledThroughOneGatewayClosesAndReopensTheEndpointOnAnotherOnTime() {
        try (GatewayUnderTest suite = GatewayUnderTest.start();
             RunningService second = suite.secondGateway()) {
            GatewayClient other = new GatewayClient(second.context().getBean(EmbeddedServer.class).getURI());
            String admin = suite.authority.tokenFor("admin-w", "ASD000031", Role.SUPER_ADMIN);
            String[] operator = {"Authorization", "Bearer " + admin, "X-Admin-Secret", suite.authority.issueAdminSecret(admin)};

            Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(3);
            Instant end = start.plusSeconds(3);
            GatewayClient.Answer scheduled = suite.client.postJson("/admin/maintenance_windows/schedule",
                    "{\"endpoint_path\":\"" + PATH + "\",\"starts_at\":\"" + start + "\",\"ends_at\":\"" + end
                            + "\",\"reason\":\"propagation\"}", operator);
            assertEquals(200, scheduled.status(), scheduled.body());
            assertEquals("scheduled", scheduled.data().get("state"));

            String player = suite.userToken();
            Instant closedAt = firstTime(other, player, 403, start.plus(WITHIN));
            assertFalse(closedAt.isBefore(start), "closed by " + closedAt + ", before the window's start " + start);
            assertEquals("00000", other.get(PATH, "Authorization", player).code());
            Instant reopenedAt = firstTime(other, player, 200, end.plus(WITHIN));
            assertFalse(reopenedAt.isBefore(end), "open again by " + reopenedAt + ", before the window's end " + end);
        }
    }

    /**
     * When the first answer {@code status} on the path arrived (the gateway decided it no later than that), failing
     * if none was asked for by {@code deadline}.
     */
    private static Instant firstTime(GatewayClient client, String token, int status, Instant deadline) {
        while (Instant.now().isBefore(deadline)) {
            if (client.get(PATH, "Authorization", token).status() == status) {
                return Instant.now();
            }
        }
        assertTrue(false, "no " + status + " by " + deadline);
        return deadline;
    }
}
