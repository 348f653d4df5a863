package com.aegisspeed.gateway;

import com.aegisspeed.common.envelope.Codes;
import com.aegisspeed.testsupport.FreshSchema;
import com.aegisspeed.testsupport.PrivateMariaDb;
import com.aegisspeed.testsupport.TestHttp;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static com.aegisspeed.testsupport.EnvelopeAssertions.assertStandardEnvelope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway stays ready while its database is really stopped (a failover): it serves on the cached endpoint
 * flags, so readiness answers 200 at once and client routes keep working, while {@code /health} reports the
 * database down for whoever watches it.
 */
class ReadinessSurvivesDatabaseOutageTest {

    private static final Duration HEALTH_GOES_DOWN_WITHIN = Duration.ofSeconds(30);

    @Test
    void theGatewayStaysReadyAndKeepsRoutingWhileItsDatabaseIsDown() throws InterruptedException {
        try (PrivateMariaDb database = PrivateMariaDb.install();
             FreshSchema schema = database.server().createFreshSchema();
             GatewayUnderTest suite = GatewayUnderTest.onSchema(schema.serviceProperties())) {
            TestHttp management = suite.gateway.managementHttp();
            assertStandardEnvelope(management.get("/health/readiness"), 200, Codes.SUCCESS);

            database.stop();
            Instant deadline = Instant.now().plus(HEALTH_GOES_DOWN_WITHIN);
            while (management.get("/health").status() != 503 && Instant.now().isBefore(deadline)) {
                Thread.sleep(250);
            }
            assertEquals(503, management.get("/health").status(), "/health reports the database down");
            Instant asked = Instant.now();
            Map<String, Object> readiness = assertStandardEnvelope(management.get("/health/readiness"), 200, Codes.SUCCESS);
            assertTrue(Duration.between(asked, Instant.now()).compareTo(Duration.ofSeconds(1)) < 0,
                    "readiness waited on the database");
            assertEquals(Map.of(), ((Map<?, ?>) readiness.get("data")).get("checks"));
            assertEquals(200, suite.client.get("/test/check_server_state").status(), "a client route while the database is down");
            assertEquals(200, suite.client.get("/user/info/get_user_info", "Authorization", suite.userToken()).status(),
                    "a proxied route while the database is down");

            database.start();
        }
    }
}
