package com.aegisspeed.gateway;

import com.aegisspeed.common.envelope.Codes;
import com.aegisspeed.testsupport.RunningService;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * With {@code AEGIS_REDIS_URL} set, every gateway replica counts against the same limits: requests spread over
 * two gateways are limited as if they went through one. Skipped when no Redis answers on 127.0.0.1:6379.
 */
class RedisRateLimitTest {

    @BeforeAll
    static void redisIsReachable() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 6379), 500);
        } catch (IOException e) {
            assumeTrue(false, "no Redis on 127.0.0.1:6379");
        }
    }

    @Test
    void twoGatewaysShareOneLimitThroughRedis() {
        Map<String, Object> redis = Map.of(
                "aegis.gateway.rate-limit.redis-url", "redis://127.0.0.1:6379",
                "aegis.gateway.rate-limit.redis-key-prefix", "aegis-test:" + UUID.randomUUID() + ":",
                "aegis.gateway.routes.login-user-info.client-rate-limit", "4/d");
        try (GatewayUnderTest suite = GatewayUnderTest.start(redis);
             RunningService second = suite.secondGateway()) {
            GatewayClient first = suite.client;
            GatewayClient other = new GatewayClient(second.context().getBean(EmbeddedServer.class).getURI());
            assertEquals(200, first.postJson("/user/login/login_user_info", "{}").status());
            assertEquals(200, other.postJson("/user/login/login_user_info", "{}").status());
            assertEquals(200, first.postJson("/user/login/login_user_info", "{}").status());
            assertEquals(200, other.postJson("/user/login/login_user_info", "{}").status());
            for (GatewayClient client : new GatewayClient[] {first, other}) {
                GatewayClient.Answer limited = client.postJson("/user/login/login_user_info", "{}");
                assertEquals(429, limited.status(), limited.body());
                assertEquals(Codes.RATE_LIMITED, limited.code());
                assertTrue(Long.parseLong(limited.header("Retry-After")) >= 1);
            }
        }
    }

}
