package com.aegisspeed.system;

import com.aegisspeed.system.FaultChecks.Timed;
import com.aegisspeed.system.FaultTraffic.Player;
import com.aegisspeed.testsupport.EnvelopeAssertions;
import com.aegisspeed.testsupport.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A service behind the gateway dies (SIGKILL, as on a node failure): the gateway answers its routes 503
 * {@code 00002} at once instead of waiting, every other service's endpoints keep working, services that call the
 * dead one answer their own internal-error code, and when it is started again everything recovers by itself.
 */
class ServiceFaultTest {

    /**
     * "Quickly": a refused connection is noticed at once, and after five failures the breaker refuses without
     * calling. So well under the gateway's read timeout (5 s), which is what a client would wait for a service
     * that hangs; the margin is for a busy two-core machine.
     */
    private static final Duration QUICKLY = Duration.ofSeconds(4);
    /** The breaker stays open 10 s after the last failure, then one trial call closes it; plus slack. */
    private static final Duration RECOVERS_WITHIN = Duration.ofSeconds(40);
    private static final int CALLS_WHILE_DOWN = 8;

    private static Suite suite;
    private static Clients clients;
    private static Player player;
    private static String machineCode;

    @BeforeAll
    static void startSuite() {
        suite = Suite.start(Map.of());
        clients = new Clients(suite.gateway());
        player = FaultTraffic.registerPlayer(clients);
        machineCode = Clients.machineCode();
        EnvelopeAssertions.assertStandardEnvelope(
                clients.bindMachine(player.token(), player.person().idNumber(), machineCode), 200, "10000");
    }

    @AfterAll
    static void stopSuite() {
        suite.close();
    }

    @Test
    void whileUserServiceIsDeadItsRoutesAnswer503AtOnceAuthAnswersItsInternalErrorAndTheRestWorks() {
        suite.service("user-service").kill();

        for (int i = 0; i < CALLS_WHILE_DOWN; i++) {
            EnvelopeAssertions.assertErrorEnvelope(quick(() -> userInfo()), 503, "00002");
            EnvelopeAssertions.assertAvailabilityErrorEnvelope(quick(() -> clients.gateway().postJson(
                    "/verify/verify_is_user_id_available",
                    "{\"user_id\":\"" + player.person().idNumber() + "\"}")), 503, "00002");
        }
        // auth-service is up but cannot check passwords or create users: its own internal-error codes, no hang.
        EnvelopeAssertions.assertTokenErrorEnvelope(quick(() -> clients.login(player.person().idNumber(),
                player.person().password())), 500, "10004");
        EnvelopeAssertions.assertTokenErrorEnvelope(quick(() -> clients.register(Clients.Person.fresh())), 500, "10009");
        // machine-service needs user-service to name a bound code's owner and to bind: its own internal errors.
        EnvelopeAssertions.assertAvailabilityErrorEnvelope(quick(() -> clients.machineCodeAvailability(
                player.person().idNumber(), machineCode)), 500, "10004");
        EnvelopeAssertions.assertErrorEnvelope(quick(() -> bind(Clients.machineCode())), 500, "10005");
        // Services that need no user-service go on as before.
        EnvelopeAssertions.assertStandardEnvelope(quick(() -> clients.gateway().get(
                "/verify/verify_client_version_number")), 200, "10000");
        assertEquals("10000", quick(() -> clients.machineCodeAvailability(player.person().idNumber(),
                Clients.machineCode())).envelope().get("code"));
        EnvelopeAssertions.assertStandardEnvelope(quick(() -> clients.reportCheck(player.token(),
                "LAUNCH-" + UUID.randomUUID(), machineCode, "Passed")), 200, "10000");
        assertApiState("user-service");

        Duration recovery = restartAndAwait("user-service", () -> userInfo());
        System.out.println("user-service: the gateway served it again " + recovery.toMillis() + " ms after it was ready");
        EnvelopeAssertions.assertStandardEnvelope(quick(() -> userInfo()), 200, "10000");
        assertEquals(200, clients.login(player.person().idNumber(), player.person().password()).status());
        assertApiState();
    }

    @Test
    void whileMachineServiceIsDeadItsRoutesAnswer503AtOnceAnticheatAnswersItsInternalErrorAndTheRestWorks() {
        suite.service("machine-service").kill();

        for (int i = 0; i < CALLS_WHILE_DOWN; i++) {
            EnvelopeAssertions.assertErrorEnvelope(quick(() -> bind(Clients.machineCode())), 503, "00002");
            EnvelopeAssertions.assertAvailabilityErrorEnvelope(quick(() -> clients.machineCodeAvailability(
                    player.person().idNumber(), machineCode)), 503, "00002");
        }
        // anticheat-service checks a reported machine's owner with machine-service: its own internal error.
        EnvelopeAssertions.assertErrorEnvelope(quick(() -> clients.reportCheck(player.token(),
                "LAUNCH-" + UUID.randomUUID(), machineCode, "Passed")), 500, "10004");
        EnvelopeAssertions.assertStandardEnvelope(quick(() -> userInfo()), 200, "10000");
        EnvelopeAssertions.assertStandardEnvelope(quick(() -> clients.get(
                "/anticheat/check/check_user_cheat_status", player.token())), 200, "10000");
        assertEquals(200, clients.login(player.person().idNumber(), player.person().password()).status());
        assertApiState("machine-service");

        String newMachine = Clients.machineCode();
        Duration recovery = restartAndAwait("machine-service", () -> bind(newMachine));
        System.out.println("machine-service: the gateway served it again " + recovery.toMillis() + " ms after it was ready");
        assertEquals("10002", clients.machineCodeAvailability(player.person().idNumber(), newMachine)
                .envelope().get("code"), "the bind made on recovery is stored");
        EnvelopeAssertions.assertStandardEnvelope(quick(() -> clients.reportCheck(player.token(),
                "LAUNCH-" + UUID.randomUUID(), machineCode, "Passed")), 200, "10000");
        assertApiState();
    }

    private static TestHttp.Reply userInfo() {
        return clients.get("/user/info/get_user_info", player.token());
    }

    private static TestHttp.Reply bind(String code) {
        return clients.bindMachine(player.token(), player.person().idNumber(), code);
    }

    /** The call's answer, which must come well before a hang. */
    private static TestHttp.Reply quick(Supplier<TestHttp.Reply> call) {
        Timed answer = FaultChecks.timed("call", call);
        assertTrue(answer.took().compareTo(QUICKLY) < 0, "too slow: " + answer);
        return answer.reply();
    }

    /**
     * Starts the killed service again (same port and settings) and polls, through the gateway, until {@code call}
     * succeeds: the gateway must notice by itself. Answers how long that took after the service was ready; every
     * answer meanwhile is 503 {@code 00002}.
     */
    private static Duration restartAndAwait(String module, Supplier<TestHttp.Reply> call) {
        suite.service(module).restart();
        long ready = System.nanoTime();
        long deadline = ready + RECOVERS_WITHIN.toNanos();
        TestHttp.Reply reply = quick(call);
        while (reply.status() != 200) {
            assertEquals(503, reply.status(), reply.body());
            assertEquals("00002", reply.envelope().get("code"), reply.body());
            assertTrue(System.nanoTime() < deadline, "the gateway did not reach " + module + " again within "
                    + RECOVERS_WITHIN + ": " + reply.body());
            FaultChecks.pause(Duration.ofMillis(500));
            reply = quick(call);
        }
        EnvelopeAssertions.assertStandardEnvelope(reply, 200, "10000");
        return Duration.ofNanos(System.nanoTime() - ready);
    }

    /** {@code check_server_api_state}: the named services DOWN, every other UP. */
    private static void assertApiState(String... down) {
        TestHttp.Reply answer = quick(() -> suite.gateway().get("/test/check_server_api_state"));
        EnvelopeAssertions.assertStandardEnvelope(answer, 200, "10000");
        Map<String, Object> states = new HashMap<>();
        for (Object entry : (List<?>) answer.data().get("services")) {
            Map<?, ?> service = (Map<?, ?>) entry;
            states.put(String.valueOf(service.get("name")), service.get("state"));
        }
        Map<String, Object> expected = new HashMap<>();
        for (String module : Suite.MODULES) {
            expected.put(module, List.of(down).contains(module) ? "DOWN" : "UP");
        }
        assertEquals(expected, states, answer.body());
    }
}
