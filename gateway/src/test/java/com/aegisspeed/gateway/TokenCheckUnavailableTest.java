package com.aegisspeed.gateway;

import com.aegisspeed.common.envelope.Codes;
import com.aegisspeed.common.identity.Role;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * While auth-service has never answered (no keys, no revocations), a protected route answers 503 {@code 00002}
 * rather than 401: the token may well be valid. Public routes are unaffected.
 */
class TokenCheckUnavailableTest {

    @Test
    void protectedRoutesAnswer503WhileKeysCannotBeLoaded() {
        String nowhere = "http://127.0.0.1:" + closedPort();
        try (GatewayUnderTest suite = GatewayUnderTest.start(Map.of(
                "micronaut.http.services.auth.url", nowhere,
                "aegis.jwt.jwks-url", nowhere + "/.well-known/jwks.json"))) {
            int hits = suite.service("user-service").hits();
            GatewayClient.Answer answer = suite.client.get("/user/info/get_user_info", "Authorization",
                    "Bearer " + suite.authority.tokenFor("sub-x", "ASD000051", Role.USER));
            assertEquals(503, answer.status(), answer.body());
            assertEquals(Codes.UPSTREAM_UNAVAILABLE, answer.code());
            assertEquals(hits, suite.service("user-service").hits());
            assertEquals(200, suite.client.postJson("/user/login/login_user_info", "{}").status());
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
