package com.aegisspeed.gateway;

import ch.qos.logback.classic.Level;
import com.aegisspeed.common.envelope.Codes;
import com.aegisspeed.common.identity.Role;
import com.aegisspeed.testsupport.CapturedLog;
import io.micronaut.core.version.VersionUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway's own endpoints: server state, the developer state behind a configured secret (closed by default),
 * every service's readiness, and the configured versions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerStateTest {

    private static final String DEV_SECRET = "test-dev-" + System.nanoTime();

    private GatewayUnderTest suite;
    private GatewayClient client;
    private String[] operator;

    @BeforeAll
    void start() {
        suite = GatewayUnderTest.start(Map.of(
                "aegis.gateway.dev-secret", DEV_SECRET,
                "aegis.gateway.api-state-timeout", "500ms",
                "aegis.gateway.versions.server", "V9.8.7 test",
                "aegis.gateway.versions.client", "V1.2.3 test",
                "aegis.gateway.versions.asac", "V4.5.6 test"));
        client = suite.client;
        String admin = suite.authority.tokenFor("admin-s", "ASD000021", Role.ADMIN);
        operator = new String[] {"Authorization", "Bearer " + admin, "X-Admin-Secret", suite.authority.issueAdminSecret(admin)};
    }

    @AfterAll
    void stop() {
        suite.close();
    }

    @Test
    void serverStateAnswersRunning() {
        GatewayClient.Answer answer = client.get("/test/check_server_state");
        assertEquals(200, answer.status());
        assertEquals(Codes.SUCCESS, answer.code());
        assertEquals(Map.of("server_state", "running"), answer.data());
    }

    @Test
    void devStateIsClosedByDefaultThenWantsTheBase64Secret() {
        GatewayClient.Answer closed = client.get("/test/check_server_state_dev?secret_order=" + encode(DEV_SECRET));
        assertEquals(403, closed.status());
        assertEquals(Map.of("status", 403, "server_state", "Server has not opened this endpoint"), closed.envelope());

        assertEquals(200, client.postJson("/admin/endpoints/open",
                "{\"endpoint_path\":\"/test/check_server_state_dev\"}", operator).status());
        try {
            for (String bad : List.of("", "?secret_order=", "?secret_order=%2A%2Anot-base64",
                    "?secret_order=" + encode("wrong"), "?secret_order=" + DEV_SECRET)) {
                GatewayClient.Answer refused = client.get("/test/check_server_state_dev" + bad);
                assertEquals(401, refused.status(), bad);
                assertEquals(Map.of("status", 401), refused.envelope(), bad);
            }
            GatewayClient.Answer answer = client.get("/test/check_server_state_dev?secret_order=" + encode(DEV_SECRET));
            assertEquals(200, answer.status(), answer.body());
            Map<String, Object> body = answer.envelope();
            assertEquals(Set.of("status", "server_state", "FastApi_version", "Python_version"), body.keySet());
            assertEquals("running", body.get("server_state"));
            assertEquals(VersionUtils.getMicronautVersion(), body.get("FastApi_version"));
            assertEquals(List.of(Runtime.version().feature(), Runtime.version().interim(), Runtime.version().update(),
                    "final", 0, 0), body.get("Python_version"));
        } finally {
            client.postJson("/admin/endpoints/close", "{\"endpoint_path\":\"/test/check_server_state_dev\"}", operator);
        }
    }

    @Test
    void devStateWithoutAConfiguredSecretRefusesEveryone() {
        try (GatewayUnderTest unconfigured = GatewayUnderTest.start()) {
            String admin = unconfigured.authority.tokenFor("admin-u", "ASD000022", Role.ADMIN);
            unconfigured.client.postJson("/admin/endpoints/open", "{\"endpoint_path\":\"/test/check_server_state_dev\"}",
                    "Authorization", "Bearer " + admin, "X-Admin-Secret", unconfigured.authority.issueAdminSecret(admin));
            for (String query : List.of("", "?secret_order=", "?secret_order=" + encode(""))) {
                GatewayClient.Answer answer = unconfigured.client.get("/test/check_server_state_dev" + query);
                assertEquals(Map.of("status", 401), answer.envelope(), query);
            }
        }
    }

    @Test
    void apiStateReportsEveryServiceAndADownOrHangingOneQuickly() {
        assertEquals(List.of(
                Map.of("name", "gateway", "state", "UP"), Map.of("name", "auth-service", "state", "UP"),
                Map.of("name", "user-service", "state", "UP"), Map.of("name", "machine-service", "state", "UP"),
                Map.of("name", "anticheat-service", "state", "UP")), client.get("/test/check_server_api_state").data().get("services"));

        FakeService machine = suite.service("machine-service");
        FakeService anticheat = suite.service("anticheat-service");
        machine.stop();
        anticheat.mode(FakeService.Mode.HANG);
        try {
            Instant asked = Instant.now();
            GatewayClient.Answer answer = client.get("/test/check_server_api_state");
            Duration took = Duration.between(asked, Instant.now());
            assertEquals(200, answer.status());
            assertEquals(Codes.SUCCESS, answer.code());
            assertEquals(List.of(
                    Map.of("name", "gateway", "state", "UP"), Map.of("name", "auth-service", "state", "UP"),
                    Map.of("name", "user-service", "state", "UP"), Map.of("name", "machine-service", "state", "DOWN"),
                    Map.of("name", "anticheat-service", "state", "DOWN")), answer.data().get("services"));
            assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "a hanging service held the answer for " + took);
        } finally {
            machine.restart();
            anticheat.mode(FakeService.Mode.ECHO);
        }
    }

    @Test
    void aServiceWhoseReadinessFailsOnlyAfterTheTimeoutIsDownAndItsLateFailureLogsNoError() throws InterruptedException {
        FakeService machine = suite.service("machine-service");
        machine.mode(FakeService.Mode.LATE_FAIL);
        try (CapturedLog log = CapturedLog.start()) {
            int lateBefore = machine.lateAnswers();
            List<?> states = (List<?>) client.get("/test/check_server_api_state").data().get("services");
            assertTrue(states.contains(Map.of("name", "machine-service", "state", "DOWN")), String.valueOf(states));

            // The failure reaches the gateway after it has answered: wait until the service has sent it, then give
            // the gateway a moment to read it.
            long until = System.nanoTime() + FakeService.LATE.multipliedBy(3).toNanos();
            while (machine.lateAnswers() == lateBefore && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            assertTrue(machine.lateAnswers() > lateBefore, "the service sent its late failure");
            Thread.sleep(500);
            List<String> errors = log.events().stream().filter(event -> event.getLevel().isGreaterOrEqual(Level.ERROR))
                    .map(event -> event.getLoggerName() + ": " + event.getFormattedMessage()).toList();
            assertEquals(List.of(), errors, "an expected outcome logged as an error");
        } finally {
            machine.mode(FakeService.Mode.ECHO);
        }
    }

    @Test
    void apiStateAsksEachServiceOnItsManagementPortNotItsPublicPort() {
        try (FakeService userManagement = FakeService.start("user-service")) {
            userManagement.mode(FakeService.Mode.FAIL);
            try (GatewayUnderTest separate = GatewayUnderTest.start(Map.of(
                    "micronaut.http.services.user-service-management.url", userManagement.uri().toString()))) {
                List<?> states = (List<?>) separate.client.get("/test/check_server_api_state").data().get("services");
                assertTrue(states.contains(Map.of("name", "user-service", "state", "DOWN")), String.valueOf(states));
                assertTrue(states.contains(Map.of("name", "auth-service", "state", "UP")), String.valueOf(states));
            }
        }
    }

    @Test
    void probesMetricsAndOpenApiAnswerOnlyOnTheManagementPortNeverOnTheGatewaysPublicPort() {
        for (String path : List.of("/health", "/health/readiness", "/health/liveness", "/prometheus",
                "/openapi/gateway-0.1.yml")) {
            GatewayClient.Answer answer = client.get(path);
            assertEquals(404, answer.status(), path);
            assertEquals(Codes.NO_SUCH_ENDPOINT, answer.code(), path);
            assertEquals(200, suite.gateway.managementHttp().get(path).status(), path);
        }
        assertEquals(404, suite.gateway.managementHttp().get("/test/check_server_state").status());
    }

    @Test
    void versionsComeFromConfiguration() {
        GatewayClient.Answer answer = client.get("/verify/verify_client_version_number");
        assertEquals(200, answer.status());
        assertEquals("Client version number retrieved successfully", answer.envelope().get("result"));
        assertEquals(Map.of("SERVER_VERSION", "V9.8.7 test", "CLIENT_VERSION", "V1.2.3 test",
                "ASAC_VERSION", "V4.5.6 test"), answer.data());
    }

    private static String encode(String secret) {
        return URLEncoder.encode(Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
    }
}
