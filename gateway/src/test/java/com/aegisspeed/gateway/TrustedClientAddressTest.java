package com.aegisspeed.gateway;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Behind a trusted ingress ({@code AEGIS_CLIENT_ADDRESS_HEADER}), the client address comes from that header: it is
 * what the service sees in {@code X-Forwarded-For} and what per-client limits count by. Of a list, only the last
 * entry, the one the ingress appended, is believed.
 */
class TrustedClientAddressTest {

    @Test
    void theConfiguredHeaderNamesTheClient() {
        try (GatewayUnderTest suite = GatewayUnderTest.start(Map.of(
                "aegis.gateway.client-address-header", "X-Real-IP",
                "aegis.gateway.routes.login-user-info.client-rate-limit", "1/h"))) {
            GatewayClient client = suite.client;
            GatewayClient.Answer first = client.postJson("/user/login/login_user_info", "{}", "X-Real-IP", "203.0.113.7");
            assertEquals(200, first.status());
            assertEquals("203.0.113.7", first.forwardedHeaders().get("x-forwarded-for"));
            assertEquals(429, client.postJson("/user/login/login_user_info", "{}", "X-Real-IP", "203.0.113.7").status());
            GatewayClient.Answer other = client.postJson("/user/login/login_user_info", "{}", "X-Real-IP", "198.51.100.9");
            assertEquals(200, other.status(), "another client has its own budget");
            assertEquals("198.51.100.9", other.forwardedHeaders().get("x-forwarded-for"));
        }
    }

    @Test
    void ofAListOnlyTheEntryTheIngressAppendedCounts() {
        try (GatewayUnderTest suite = GatewayUnderTest.start(Map.of(
                "aegis.gateway.client-address-header", "X-Forwarded-For",
                "aegis.gateway.routes.login-user-info.client-rate-limit", "1/h"))) {
            GatewayClient client = suite.client;
            GatewayClient.Answer first = client.postJson("/user/login/login_user_info", "{}",
                    "X-Forwarded-For", "10.9.9.1, 203.0.113.7");
            assertEquals(200, first.status());
            assertEquals("203.0.113.7", first.forwardedHeaders().get("x-forwarded-for"));
            GatewayClient.Answer spoofed = client.postJson("/user/login/login_user_info", "{}",
                    "X-Forwarded-For", "10.9.9.2,203.0.113.7");
            assertEquals(429, spoofed.status(), "a different client-sent first entry is no new budget");
            GatewayClient.Answer other = client.postJson("/user/login/login_user_info", "{}",
                    "X-Forwarded-For", "203.0.113.7, 198.51.100.9");
            assertEquals(200, other.status(), "another client has its own budget");
            assertEquals("198.51.100.9", other.forwardedHeaders().get("x-forwarded-for"));
        }
    }

    @Test
    void theConfiguredHeaderIsIgnoredFromAPeerOutsideTheTrustedProxies() {
        try (GatewayUnderTest suite = GatewayUnderTest.start(Map.of(
                "aegis.gateway.client-address-header", "X-Real-IP",
                "aegis.trusted-proxies", "192.0.2.0/24",
                "aegis.gateway.routes.login-user-info.client-rate-limit", "1/h"))) {
            GatewayClient client = suite.client;
            GatewayClient.Answer first = client.postJson("/user/login/login_user_info", "{}", "X-Real-IP", "203.0.113.7");
            assertEquals(200, first.status());
            assertEquals("127.0.0.1", first.forwardedHeaders().get("x-forwarded-for"), "the peer is the client");
            assertEquals(429, client.postJson("/user/login/login_user_info", "{}", "X-Real-IP", "198.51.100.9").status(),
                    "a forged address is no new budget");
        }
    }
}
