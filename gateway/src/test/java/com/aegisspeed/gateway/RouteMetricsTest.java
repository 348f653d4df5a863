package com.aegisspeed.gateway;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Per-route metrics on {@code /prometheus}: a latency histogram and count per route, method and status, the
 * gateway's own refusals included; unknown paths share one series.
 */
class RouteMetricsTest {

    @Test
    void requestsAreCountedPerRouteMethodAndStatusWithAHistogram() {
        try (GatewayUnderTest suite = GatewayUnderTest.start()) {
            GatewayClient client = suite.client;
            String token = suite.userToken();
            for (int i = 0; i < 3; i++) {
                assertEquals(200, client.get("/user/info/get_user_info", "Authorization", token).status());
            }
            assertEquals(401, client.get("/user/info/get_user_info").status());
            client.get("/made/up/path/" + System.nanoTime());

            String metrics = suite.gateway.managementHttp().get("/prometheus").body();
            assertTrue(metrics.contains(
                    "aegis_gateway_requests_seconds_count{method=\"GET\",route=\"/user/info/get_user_info\",status=\"200\"} 3"),
                    metrics);
            assertTrue(metrics.contains(
                    "aegis_gateway_requests_seconds_count{method=\"GET\",route=\"/user/info/get_user_info\",status=\"401\"} 1"));
            assertTrue(metrics.contains(
                    "aegis_gateway_requests_seconds_bucket{method=\"GET\",route=\"/user/info/get_user_info\",status=\"200\",le="));
            assertTrue(metrics.contains("route=\"UNMATCHED\",status=\"404\""));
            assertTrue(!metrics.contains("/made/up/path"), "made-up paths must not become series");
        }
    }
}
