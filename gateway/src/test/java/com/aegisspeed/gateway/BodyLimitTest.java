package com.aegisspeed.gateway;

import com.aegisspeed.common.envelope.Codes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The 64 KiB body limit holds through the proxy: a larger body, announced or streamed in chunks, answers 413
 * {@code 00003} and never reaches the service, while a body just under the limit passes intact.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BodyLimitTest {

    private static final int LIMIT = 65_536;

    private GatewayUnderTest suite;
    private GatewayClient client;

    @BeforeAll
    void start() {
        suite = GatewayUnderTest.start();
        client = suite.client;
    }

    @AfterAll
    void stop() {
        suite.close();
    }

    @Test
    void bodyUnderTheLimitPassesIntact() {
        String body = "{\"user_name\":\"" + "x".repeat(LIMIT - 100) + "\"}";
        GatewayClient.Answer answer = client.postJson("/user/register/register_user_info", body);
        assertEquals(200, answer.status());
        assertEquals(body, answer.data().get("body"));
    }

    @Test
    void announcedOversizedBodyAnswers413With00003() {
        int hits = suite.service("auth-service").hits();
        GatewayClient.Answer answer = client.postJson("/user/register/register_user_info",
                "{\"user_name\":\"" + "x".repeat(LIMIT * 3) + "\"}");
        assertEquals(413, answer.status(), answer.body());
        assertEquals(Codes.BODY_TOO_LARGE, answer.code());
        assertTrue(answer.header("X-Request-Id") != null);
        assertEquals(hits, suite.service("auth-service").hits());
    }

    @Test
    void chunkedOversizedBodyAnswers413With00003() {
        byte[] body = ("{\"user_name\":\"" + "x".repeat(LIMIT * 3) + "\"}").getBytes(StandardCharsets.UTF_8);
        GatewayClient.Answer answer = client.send(client.request("/user/register/register_user_info",
                "Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
        assertEquals(413, answer.status(), answer.body());
        assertEquals(Codes.BODY_TOO_LARGE, answer.code());
    }
}
