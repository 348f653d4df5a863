package com.aegisspeed.system;

import com.aegisspeed.system.FaultTraffic.Call;
import com.aegisspeed.system.FaultTraffic.Operation;
import com.aegisspeed.system.FaultTraffic.Player;
import com.aegisspeed.testsupport.EnvelopeAssertions;
import com.aegisspeed.testsupport.PrivateMariaDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database server of all five services really stops under client traffic and starts again. While it is down
 * every call still gets an envelope, promptly: 500 with the endpoint's own internal-error code, or 503
 * {@code 00002}; readiness says so; when it is back every service serves again without a restart, and nothing
 * a client was told had succeeded is missing.
 */
class DatabaseFaultTest {

    /**
     * No call may take longer: the gateway answers 503 itself once a service has not answered within its read
     * timeout (5 s, connect 1 s); a service gives up on the database after the pool's connection timeout (2 s)
     * and on another service after 3 s. The rest is slack for a busy two-core machine; a hang is far longer.
     */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(15);
    /** The readiness contract's bound: the pool's connection timeout (2 s) plus margin. */
    private static final Duration PROBE_WITHIN = Duration.ofSeconds(5);
    private static final Duration OUTAGE = Duration.ofSeconds(8);
    private static final Duration CHANGE_WITHIN = Duration.ofSeconds(60);
    private static final int THREADS = 6;

    private static PrivateMariaDb database;
    private static Suite suite;
    private static Clients clients;

    @BeforeAll
    static void startSuite() {
        database = PrivateMariaDb.install();
        try {
            suite = Suite.start(database.server(), Map.of());
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        clients = new Clients(suite.gateway());
    }

    @AfterAll
    static void stopSuite() {
        try {
            if (suite != null) {
                suite.close();
            }
        } finally {
            database.close();
        }
    }

    @Test
    void everyCallIsAnsweredWhileTheDatabaseIsDownAndEveryServiceRecoversLosingNothingAcknowledged() {
        List<Player> players = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            players.add(FaultTraffic.registerPlayer(clients));
        }
        List<Call> calls;
        long outageFrom;
        long outageUntil;
        FaultTraffic traffic = FaultTraffic.start(clients, players, THREADS);
        try {
            FaultChecks.await("registrations and binds acknowledged before the fault", CHANGE_WITHIN,
                    () -> traffic.successes(Operation.REGISTER) >= 3 && traffic.successes(Operation.BIND) >= 3);

            database.stop();
            outageFrom = System.nanoTime();
            for (String module : Suite.MODULES) {
                // The gateway stays ready on its cached flags, so a database failover never empties every route.
                boolean staysReady = "gateway".equals(module);
                awaitReadiness(module, staysReady ? 200 : 503);
                assertReadiness(module, staysReady ? 200 : 503, staysReady ? "UP" : "DOWN");
                EnvelopeAssertions.assertStandardEnvelope(suite.service(module).managementHttp().get("/health/liveness"), 200, "10000");
            }
            assertApiState("DOWN");
            FaultChecks.pause(OUTAGE);
            outageUntil = System.nanoTime();

            database.start();
            for (String module : Suite.MODULES) {
                awaitReadiness(module, 200);
                assertReadiness(module, 200, "UP");
            }
            assertApiState("UP");
            long recoveredAt = System.nanoTime();
            FaultChecks.await("every operation succeeding again", CHANGE_WITHIN, () -> traffic.calls().stream()
                    .filter(call -> call.sentAt() > recoveredAt && call.succeeded())
                    .map(Call::operation).distinct().count() == Operation.values().length);
        } finally {
            traffic.close();
        }
        calls = traffic.calls();

        Map<String, Integer> outcomes = new TreeMap<>();
        Map<Operation, Long> slowest = new EnumMap<>(Operation.class);
        Map<Operation, Integer> refusedDuringOutage = new EnumMap<>(Operation.class);
        for (Call call : calls) {
            assertTrue(call.reply() != null, call.toString());
            FaultChecks.assertEnvelope(call.timed());
            assertTrue(call.took().compareTo(ANSWER_WITHIN) < 0, "too slow: " + call);
            assertTrue(call.succeeded() || isFaultAnswer(call), "neither success nor a fault answer: " + call);
            outcomes.merge(call.operation() + " " + call.reply().status() + " " + call.timed().code(), 1, Integer::sum);
            slowest.merge(call.operation(), call.took().toMillis(), Math::max);
            if (call.sentAt() > outageFrom && call.answeredAt() < outageUntil) {
                assertTrue(isFaultAnswer(call), "answered as if the database were up: " + call);
                refusedDuringOutage.merge(call.operation(), 1, Integer::sum);
            }
        }
        System.out.println("Database outage, every answer: " + outcomes + "; slowest (ms): " + slowest);
        assertEquals(Set.of(Operation.values()), refusedDuringOutage.keySet(), "every operation met the outage");
        for (String module : Suite.MODULES) {
            assertTrue(suite.service(module).isAlive(), module + " was not restarted and is still the same process");
        }
        for (int i = 0; i < players.size(); i++) {
            for (Operation operation : Operation.values()) {
                Call call = traffic.once(operation, i);
                assertTrue(call.succeeded(), "after the outage: " + call);
            }
        }

        Set<String> registered = traffic.acknowledgedRegistrations();
        Set<String> stored = FaultChecks.queryAll(suite.schema("user-service"), "SELECT id_number FROM users");
        assertTrue(stored.containsAll(registered), "acknowledged registrations missing: "
                + registered.stream().filter(id -> !stored.contains(id)).toList());
        for (Map.Entry<String, Integer> bind : traffic.acknowledgedBinds().entrySet()) {
            String owner = FaultChecks.query(suite.schema("user-service"),
                    "SELECT public_id FROM users WHERE id_number = ?",
                    players.get(bind.getValue()).person().idNumber()).get(0);
            assertEquals(List.of(owner), FaultChecks.query(suite.schema("machine-service"),
                    "SELECT owner_public_id FROM machines WHERE machine_code = ?", bind.getKey()),
                    "acknowledged bind of " + bind.getKey());
        }
        System.out.println("Acknowledged and found afterwards: " + registered.size() + " registrations, "
                + traffic.acknowledgedBinds().size() + " binds");
    }

    /** 500 with the endpoint's own internal-error code, 503 {@code 00002}, or a rate limit's 429 {@code 00001}. */
    private static boolean isFaultAnswer(Call call) {
        String code = call.timed().code();
        return switch (call.reply().status()) {
            case 500 -> call.operation().internalErrorCode.equals(code);
            case 503 -> "00002".equals(code);
            case 429 -> "00001".equals(code);
            default -> false;
        };
    }

    private static void awaitReadiness(String module, int status) {
        FaultChecks.await(module + " readiness " + status, CHANGE_WITHIN,
                () -> suite.service(module).managementHttp().get("/health/readiness").status() == status);
    }

    private static void assertReadiness(String module, int status, String state) {
        FaultChecks.Timed probe = FaultChecks.timed(module + " readiness",
                () -> suite.service(module).managementHttp().get("/health/readiness"));
        assertTrue(probe.took().compareTo(PROBE_WITHIN) < 0, "too slow: " + probe);
        Map<String, Object> envelope = EnvelopeAssertions.assertStandardEnvelope(probe.reply(), status,
                status == 200 ? "10000" : "00002");
        assertEquals(state, envelope.get("result"), probe.toString());
        // The gateway's readiness leaves its database out: it serves on cached flags.
        Map<String, String> checks = "gateway".equals(module) ? Map.of() : Map.of("database", state);
        assertEquals(checks, probe.reply().data().get("checks"), probe.toString());
    }

    /** The gateway's view of every service (itself included), asked the way operators ask it. */
    private static void assertApiState(String state) {
        FaultChecks.Timed answer = FaultChecks.timed("check_server_api_state",
                () -> suite.gateway().get("/test/check_server_api_state"));
        assertTrue(answer.took().compareTo(PROBE_WITHIN) < 0, "too slow: " + answer);
        EnvelopeAssertions.assertStandardEnvelope(answer.reply(), 200, "10000");
        List<?> services = (List<?>) answer.reply().data().get("services");
        List<String> names = new ArrayList<>();
        for (Object entry : services) {
            Map<?, ?> service = (Map<?, ?>) entry;
            names.add(String.valueOf(service.get("name")));
            assertEquals(state, service.get("state"), answer.toString());
        }
        assertEquals(Set.of("gateway", "auth-service", "user-service", "machine-service", "anticheat-service"),
                Set.copyOf(names), answer.toString());
    }
}
