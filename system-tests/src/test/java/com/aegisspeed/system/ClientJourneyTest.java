package com.aegisspeed.system;

import com.aegisspeed.testsupport.EnvelopeAssertions;
import com.aegisspeed.testsupport.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The five services as separate processes on MariaDB, used only through the gateway, the way game clients,
 * the ASAC core check unit and operators use them: every cross-service path (registration through auth to
 * user-service, tokens verified by every service through auth's JWKS, revocation reaching every verifier,
 * machine ownership checked by anticheat, cheater marks reaching user-, auth- and machine-service).
 */
class ClientJourneyTest {

    private static Suite suite;
    private static Clients clients;

    @BeforeAll
    static void startSuite() {
        suite = Suite.start(Map.of());
        clients = new Clients(suite.gateway());
    }

    @AfterAll
    static void stopSuite() {
        suite.close();
    }

    @Test
    void operationsDataAnswersOnlyOnEachManagementPortNeverThroughTheGatewayOrAPublicPort() {
        for (String module : Suite.MODULES) {
            for (String path : List.of("/health", "/health/readiness", "/prometheus", "/openapi/" + module + "-0.1.yml")) {
                EnvelopeAssertions.assertErrorEnvelope(suite.gateway().get(path), 404, "00004");
                EnvelopeAssertions.assertErrorEnvelope(suite.service(module).http().get(path), 404, "00004");
                assertEquals(200, suite.service(module).managementHttp().get(path).status(), module + " " + path);
            }
        }
    }

    @Test
    void aPlayerRegistersBindsAMachineAndReportsChecks() {
        Clients.Person player = Clients.Person.fresh();
        assertEquals(false, clients.gateway().postJson("/verify/verify_is_user_id_available",
                "{\"user_id\":\"" + player.idNumber() + "\"}").envelope().get("result"));

        TestHttp.Reply registered = clients.register(player);
        assertEquals(200, registered.status(), registered.body());
        assertEquals("10000", registered.envelope().get("code"), registered.body());
        assertEquals(player.idNumber().substring(0, 3) + "*".repeat(11) + player.idNumber().substring(14),
                registered.data().get("user_id"));
        assertEquals(true, clients.gateway().postJson("/verify/verify_is_user_id_available",
                "{\"user_id\":\"" + player.idNumber() + "\"}").envelope().get("result"));

        String token = clients.login(player.idNumber(), player.password()).envelope().get("token").toString();
        Map<String, Object> info = clients.get("/user/info/get_user_info", token).data();
        assertEquals(player.name(), info.get("user_name"));
        assertTrue(info.get("user_AegisSpeed_id").toString().matches("ASD[0-9]{6}"));
        assertEquals(player.phone().substring(0, 3) + "****" + player.phone().substring(7), info.get("user_phone_number"));

        String machine = Clients.machineCode();
        assertEquals("10000", clients.machineCodeAvailability(player.idNumber(), machine).envelope().get("code"));
        EnvelopeAssertions.assertStandardEnvelope(clients.bindMachine(token, player.idNumber(), machine), 200, "10000");
        TestHttp.Reply bound = clients.machineCodeAvailability(player.idNumber(), machine);
        assertEquals("10002", bound.envelope().get("code"));
        assertEquals(true, bound.envelope().get("result"));

        String launchCode = "LAUNCH-" + UUID.randomUUID();
        EnvelopeAssertions.assertStandardEnvelope(clients.reportCheck(token, launchCode, machine, "Passed"), 200, "10000");
        EnvelopeAssertions.assertStandardEnvelope(clients.reportCheck(token, launchCode, machine, "Passed"), 200, "10000");
        List<?> logs = (List<?>) clients.get("/user/info/get_user_check_info", token).data().get("check_logs");
        assertEquals(1, logs.size(), "a repeated launch code is one check");
        assertEquals("10000", clients.get("/anticheat/check/check_user_cheat_status", token).envelope().get("code"));
    }

    @Test
    void anOperatorClosesAnEndpointAndClientsAreRefusedUntilItReopens() {
        String[] operator = clients.operatorSession();
        String path = "/verify/verify_client_version_number";
        assertEquals(200, clients.gateway().get(path).status());

        EnvelopeAssertions.assertStandardEnvelope(clients.adminPost("/admin/endpoints/close", operator[0], operator[1],
                "{\"endpoint_path\":\"" + path + "\"}"), 200, "10000");
        EnvelopeAssertions.assertErrorEnvelope(clients.gateway().get(path), 403, "00000");

        clients.adminPost("/admin/endpoints/open", operator[0], operator[1], "{\"endpoint_path\":\"" + path + "\"}");
        assertEquals(200, clients.gateway().get(path).status());
        List<?> changes = (List<?>) clients.adminGet("/admin/endpoints/history?endpoint_path=" + path,
                operator[0], operator[1]).data().get("changes");
        assertEquals(2, changes.size());
    }

    @Test
    void aMarkedCheaterLosesEveryTokenAndCannotBindMoreMachines() {
        Clients.Person cheater = Clients.Person.fresh();
        clients.register(cheater);
        String token = clients.login(cheater.idNumber(), cheater.password()).envelope().get("token").toString();
        String aegisSpeedId = clients.get("/user/info/get_user_info", token).data().get("user_AegisSpeed_id").toString();
        String machine = Clients.machineCode();
        clients.bindMachine(token, cheater.idNumber(), machine);
        String launchCode = "LAUNCH-" + UUID.randomUUID();
        clients.reportCheck(token, launchCode, machine, "Failed");

        String[] operator = clients.operatorSession();
        EnvelopeAssertions.assertStandardEnvelope(clients.adminPost("/anticheat/admin/mark_cheater", operator[0],
                operator[1], "{\"user_AegisSpeed_id\":\"%s\",\"reason\":\"speed hack\",\"evidence_launch_codes\":[\"%s\"]}"
                        .formatted(aegisSpeedId, launchCode)), 200, "10000");

        awaitCode(() -> clients.get("/user/info/get_user_info", token), "10001");
        String fresh = clients.login(cheater.idNumber(), cheater.password()).envelope().get("token").toString();
        assertEquals("10003", clients.get("/anticheat/check/check_user_cheat_status", fresh).envelope().get("code"));
        assertFalse(clients.bindMachine(fresh, cheater.idNumber(), Clients.machineCode()).status() == 200);
    }

    @Test
    void logoutRevokesTheTokenForEveryService() {
        Clients.Person player = Clients.Person.fresh();
        String token = clients.register(player).envelope().get("token").toString();
        assertEquals(200, clients.get("/user/info/get_user_info", token).status());
        EnvelopeAssertions.assertStandardEnvelope(clients.post("/user/login/logout", token, "{}"), 200, "10000");
        awaitCode(() -> clients.get("/user/info/get_user_info", token), "10001");
        awaitCode(() -> clients.get("/user/info/get_user_check_info", token), "10001");
    }

    /** Revocation reaches other verifiers by polling: give it a bounded moment. */
    private static void awaitCode(Supplier<TestHttp.Reply> request, String code) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        Object last;
        do {
            last = request.get().envelope().get("code");
            if (code.equals(last)) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        } while (System.nanoTime() < deadline);
        assertEquals(code, last);
    }
}
