package com.aegisspeed.gateway;

import com.aegisspeed.common.internal.InternalConfiguration;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A service behind the gateway is added in configuration only: its name in {@code aegis.gateway.upstreams}, a
 * client of that name and a route. It is forwarded to without the internal secret, has its own breaker and
 * is listed by {@code check_server_api_state} after the others.
 */
class ConfiguredUpstreamTest {

    @Test
    void aSixthServiceIsServedFromConfigurationAlone() {
        try (FakeService extra = FakeService.start("extra-service");
             GatewayUnderTest suite = GatewayUnderTest.start(Map.of(
                     "aegis.gateway.upstreams", List.of("auth-service", "user-service", "machine-service",
                             "anticheat-service", "extra-service"),
                     "micronaut.http.services.extra-service.url", extra.uri().toString(),
                     "aegis.gateway.routes.extra-echo.path", "/extra/echo",
                     "aegis.gateway.routes.extra-echo.methods", List.of("GET"),
                     "aegis.gateway.routes.extra-echo.service", "extra-service"))) {
            GatewayClient.Answer answer = suite.client.get("/extra/echo");
            assertEquals(200, answer.status(), answer.body());
            assertEquals("extra-service", answer.data().get("service"));
            assertEquals(1, extra.hits());
            Map<String, String> forwarded = answer.forwardedHeaders();
            assertFalse(forwarded.keySet().stream().anyMatch(InternalConfiguration.HEADER::equalsIgnoreCase),
                    "the internal secret went out with client traffic: " + forwarded.keySet());

            @SuppressWarnings("unchecked")
            List<Map<String, String>> services = (List<Map<String, String>>) suite.client
                    .get("/test/check_server_api_state").data().get("services");
            assertEquals(Map.of("name", "extra-service", "state", "UP"), services.get(services.size() - 1));
            assertEquals(6, services.size(), "the gateway and five services: " + services);
        }
    }
}
