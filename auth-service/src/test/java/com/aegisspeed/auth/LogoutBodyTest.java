package com.aegisspeed.auth;

import com.aegisspeed.testsupport.EnvelopeAssertions;
import com.aegisspeed.testsupport.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Logout takes no body, but one that is sent is received whole before the token is revoked: a logout refused for
 * an oversized body (413) must not have revoked anything. Streamed through the gateway, such a request reached
 * auth-service, revoked the token at once, and the client was answered 413 (found by system-tests'
 * HostileBodiesTest).
 */
@ExtendWith(RealUserService.class)
class LogoutBodyTest {

    private static AuthHarness harness;

    @BeforeAll
    static void start(RealUserService.Running users) {
        harness = AuthHarness.start(users);
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    private static TestHttp.Reply logout(String token, String contentType, byte[] body, boolean streamed) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : streamed ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(harness.http().uri("/user/login/logout"))
                .header("Authorization", "Bearer " + token).POST(publisher);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return harness.http().send(request);
    }

    @Test
    void anOversizedBodyIsRefusedBeforeTheTokenIsRevoked() {
        String token = (String) harness.registeredUser().get("token");
        byte[] huge = ("{\"x\":\"" + "x".repeat(200_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        EnvelopeAssertions.assertErrorEnvelope(logout(token, "application/json", huge, true), 413, "00003");
        EnvelopeAssertions.assertErrorEnvelope(logout(token, "application/json", huge, false), 413, "00003");
        EnvelopeAssertions.assertStandardEnvelope(logout(token, null, null, false), 200, "10000");
    }

    @Test
    void aLogoutWithoutBodyOrWithAnyJsonBodyRevokesTheToken() {
        Map<String, Object> user = harness.registeredUser();
        EnvelopeAssertions.assertStandardEnvelope(logout((String) user.get("token"), null, null, false), 200, "10000");
        for (String body : new String[] {"{}", "[1,2]", "", "\"text\""}) {
            String token = (String) harness.login(user.get("user_id"), user.get("user_password")).envelope().get("token");
            EnvelopeAssertions.assertStandardEnvelope(logout(token, "application/json",
                    body.getBytes(StandardCharsets.UTF_8), false), 200, "10000");
            EnvelopeAssertions.assertErrorEnvelope(logout(token, null, null, false), 401, "10001");
        }
    }
}
