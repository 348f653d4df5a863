package com.aegisspeed.system;

import com.aegisspeed.testsupport.PrivateRedis;
import com.aegisspeed.testsupport.ServiceProcess;
import com.aegisspeed.testsupport.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An acknowledged revocation takes effect as docs/api-auth-user.md promises, tried as a client would: the gateway
 * that forwarded a logout, password change or cheater mark refuses the token's very next request; another
 * gateway replica and a service called directly refuse it within 100 ms while Redis carries revocations, and
 * within 1 s by polling once Redis is gone. The suite runs with a Redis of the test's own, which the last test
 * stops (hence the order).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RevocationTakesEffectTest {

    private static final String USER_INFO = "/user/info/get_user_info";
    private static final Duration WITH_REDIS = Duration.ofMillis(100);
    private static final Duration BY_POLLING = Duration.ofSeconds(1);

    private PrivateRedis redis;
    private Suite suite;
    private Clients viaGateway;
    private Clients viaOtherGateway;
    private Clients directToUserService;
    private Clients.Person player;

    @BeforeAll
    void start() {
        redis = PrivateRedis.start();
        Map<String, Map<String, String>> extra = new HashMap<>();
        Suite.MODULES.forEach(module -> extra.put(module, Map.of("AEGIS_REDIS_URL", redis.url())));
        suite = Suite.start(extra);
        ServiceProcess otherGateway = suite.startReplica("gateway");
        viaGateway = new Clients(suite.gateway());
        viaOtherGateway = new Clients(otherGateway.http());
        directToUserService = new Clients(suite.service("user-service").http());
        player = Clients.Person.fresh();
        assertEquals(200, viaGateway.register(player).status());
    }

    @AfterAll
    void stop() {
        try {
            if (suite != null) {
                suite.close();
            }
        } finally {
            if (redis != null) {
                redis.close();
            }
        }
    }

    @Test
    @Order(1)
    void aLoggedOutTokenIsRefusedByTheNextRequestThroughTheSameGateway() {
        for (int i = 0; i < 20; i++) {
            String token = login(viaGateway);
            assertEquals(200, viaGateway.get(USER_INFO, token).status(), "the gateway knows the token");
            TestHttp.Reply logout = viaGateway.post("/user/login/logout", token, "{}");
            assertEquals(200, logout.status(), logout.body());
            assertEquals("Logout successful", logout.envelope().get("result"));

            TestHttp.Reply next = viaGateway.get(USER_INFO, token);
            assertEquals(401, next.status(), "try " + (i + 1) + ": " + next.body());
            assertEquals("10001", next.envelope().get("code"));
        }
    }

    @Test
    @Order(2)
    void aPasswordChangeRefusesTheOldTokenAtTheNextRequestThroughTheSameGateway() {
        Clients.Person changer = Clients.Person.fresh();
        String token = viaGateway.register(changer).envelope().get("token").toString();
        assertEquals(200, viaGateway.get(USER_INFO, token).status());
        TestHttp.Reply change = viaGateway.post("/user/info/modify_user_password", token,
                "{\"user_password\":\"%s\",\"new_user_password\":\"%s\"}".formatted(changer.password(),
                        "Another-Horse-" + UUID.randomUUID()));
        assertEquals(200, change.status(), change.body());

        TestHttp.Reply next = viaGateway.get(USER_INFO, token);
        assertEquals(401, next.status(), next.body());
        assertEquals("10001", next.envelope().get("code"));
    }

    @Test
    @Order(3)
    void aCheaterMarkRefusesTheCheatersTokenAtItsNextRequestThroughTheSameGateway() {
        Clients.Person cheater = Clients.Person.fresh();
        String token = viaGateway.register(cheater).envelope().get("token").toString();
        String aegisSpeedId = viaGateway.get(USER_INFO, token).data().get("user_AegisSpeed_id").toString();
        String machine = Clients.machineCode();
        assertEquals(200, viaGateway.bindMachine(token, cheater.idNumber(), machine).status());
        String launchCode = "LAUNCH-" + UUID.randomUUID();
        assertEquals(200, viaGateway.reportCheck(token, launchCode, machine, "Failed").status());
        String[] operator = viaGateway.operatorSession();

        TestHttp.Reply mark = viaGateway.adminPost("/anticheat/admin/mark_cheater", operator[0], operator[1],
                "{\"user_AegisSpeed_id\":\"%s\",\"reason\":\"speed hack\",\"evidence_launch_codes\":[\"%s\"]}"
                        .formatted(aegisSpeedId, launchCode));
        assertEquals(200, mark.status(), mark.body());

        TestHttp.Reply next = viaGateway.get(USER_INFO, token);
        assertEquals(401, next.status(), next.body());
        assertEquals("10001", next.envelope().get("code"));
    }

    @Test
    @Order(4)
    void withRedisAnotherReplicaAndAServiceCalledDirectlyRefuseWithin100Milliseconds() throws InterruptedException {
        awaitSubscribed();
        for (int i = 0; i < 5; i++) {
            String token = login(viaGateway);
            assertEquals(200, viaOtherGateway.get(USER_INFO, token).status());
            assertEquals(200, directToUserService.get(USER_INFO, token).status());
            assertEquals(200, viaGateway.post("/user/login/logout", token, "{}").status());
            long loggedOut = System.nanoTime();

            assertRefusedWithin(WITH_REDIS, loggedOut, () -> viaOtherGateway.get(USER_INFO, token), "the other replica");
            assertRefusedWithin(WITH_REDIS, loggedOut, () -> directToUserService.get(USER_INFO, token), "user-service");
        }
    }

    @Test
    @Order(5)
    void withRedisStoppedAnotherReplicaAndAServiceCalledDirectlyRefuseWithinOneSecond() {
        redis.stop();
        assertFalse(redis.answers());
        for (int i = 0; i < 3; i++) {
            String token = login(viaGateway);
            assertEquals(200, viaOtherGateway.get(USER_INFO, token).status());
            assertEquals(200, directToUserService.get(USER_INFO, token).status());
            assertEquals(200, viaGateway.post("/user/login/logout", token, "{}").status());
            long loggedOut = System.nanoTime();
            assertEquals(401, viaGateway.get(USER_INFO, token).status(), "the same gateway still needs no Redis");

            assertRefusedWithin(BY_POLLING, loggedOut, () -> viaOtherGateway.get(USER_INFO, token), "the other replica");
            assertRefusedWithin(BY_POLLING, loggedOut, () -> directToUserService.get(USER_INFO, token), "user-service");
        }
    }

    private String login(Clients clients) {
        TestHttp.Reply login = clients.login(player.idNumber(), player.password());
        assertEquals(200, login.status(), login.body());
        return login.envelope().get("token").toString();
    }

    /**
     * Verifiers subscribe when they check their first token, without blocking it: give the other replica and
     * user-service a token each, then a moment to finish subscribing.
     */
    private void awaitSubscribed() throws InterruptedException {
        String token = login(viaGateway);
        viaOtherGateway.get(USER_INFO, token);
        directToUserService.get(USER_INFO, token);
        Thread.sleep(1000);
    }

    private static void assertRefusedWithin(Duration limit, long since, Supplier<TestHttp.Reply> request, String who) {
        long deadline = since + Duration.ofSeconds(5).toNanos();
        TestHttp.Reply reply = request.get();
        while (reply.status() == 200 && System.nanoTime() < deadline) {
            reply = request.get();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - since);
        assertEquals(401, reply.status(), who + ": " + reply.body());
        assertEquals("10001", reply.envelope().get("code"));
        assertTrue(took.compareTo(limit) <= 0, who + " refused the token only after " + took.toMillis() + " ms");
    }
}
