package com.aegisspeed.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpRequest;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CORS as configured ({@code micronaut.server.cors}): browsers on an allowed origin get their preflight answered
 * for proxied and gateway endpoints alike, and the answers carry the allow-origin header; other origins do not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorsTest {

    private static final String ALLOWED = "https://console.aegisspeed.test";

    private GatewayUnderTest suite;
    private GatewayClient client;

    @BeforeAll
    void start() {
        suite = GatewayUnderTest.start(Map.of(
                "micronaut.server.cors.enabled", true,
                "micronaut.server.cors.configurations.web.allowed-origins", ALLOWED));
        client = suite.client;
    }

    @AfterAll
    void stop() {
        suite.close();
    }

    @Test
    void preflightFromAnAllowedOriginIsAnsweredForProxiedAndGatewayPaths() {
        for (String[] target : new String[][] {{"/user/login/login_user_info", "POST"}, {"/admin/endpoints", "GET"}}) {
            GatewayClient.Answer answer = client.send(client.request(target[0], "Origin", ALLOWED,
                            "Access-Control-Request-Method", target[1],
                            "Access-Control-Request-Headers", "content-type,authorization")
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
            assertEquals(200, answer.status(), target[0] + ": " + answer.body());
            assertEquals(ALLOWED, answer.header("Access-Control-Allow-Origin"), target[0]);
            assertTrue(answer.header("Access-Control-Allow-Methods").contains(target[1]), target[0]);
            assertTrue(answer.header("X-Request-Id") != null, "preflights get a request id too");
        }
    }

    @Test
    void answersToAnAllowedOriginCarryTheAllowOriginHeader() {
        GatewayClient.Answer answer = client.postJson("/user/login/login_user_info", "{}", "Origin", ALLOWED);
        assertEquals(200, answer.status());
        assertEquals(ALLOWED, answer.header("Access-Control-Allow-Origin"));
    }

    @Test
    void otherOriginsGetNoCorsHeaders() {
        GatewayClient.Answer preflight = client.send(client.request("/user/login/login_user_info",
                        "Origin", "https://evil.example", "Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertNull(preflight.header("Access-Control-Allow-Origin"));
    }

    @Test
    void aRequestFromAnOriginNotAllowedIsRefusedInTheRoutesEnvelope() {
        GatewayClient.Answer login = client.postJson("/user/login/login_user_info", "{}", "Origin", "https://evil.example");
        assertEquals(403, login.status());
        assertEquals("00005", login.code());
        assertEquals("", login.envelope().get("token"), "the login route's own envelope");
        GatewayClient.Answer flags = client.send(client.request("/admin/endpoints", "Origin", "https://evil.example").GET());
        assertEquals(403, flags.status());
        assertEquals("00005", flags.code());
        assertEquals(403, flags.envelope().get("status"));
        assertEquals("no-store", flags.header("Cache-Control"));
    }
}
