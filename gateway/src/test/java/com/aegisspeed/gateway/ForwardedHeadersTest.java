package com.aegisspeed.gateway;

import com.aegisspeed.common.envelope.Codes;
import com.aegisspeed.common.identity.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the gateway tells a service about a request, and what it never lets a client tell it: internal identity
 * and forwarding headers are replaced, hop-by-hop headers dropped, and every answer carries a request id.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForwardedHeadersTest {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

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
    void clientSuppliedIdentityAndForwardingHeadersNeverReachTheService() {
        GatewayClient.Answer answer = client.get("/user/info/get_user_info",
                "Authorization", suite.userToken(),
                "X-Aegis-Internal", suite.authority.internalSecret(),
                "X-Aegis-User", "someone-else",
                "x-aegis-roles", "SUPER_ADMIN",
                "X-Forwarded-For", "10.9.8.7",
                "X-Real-IP", "10.9.8.7",
                "Forwarded", "for=10.9.8.7",
                "X-Forwarded-Host", "evil.example",
                "X-Admin-Secret", "kept-for-the-service");
        assertEquals(200, answer.status(), answer.body());
        Map<String, String> seen = answer.forwardedHeaders();
        assertFalse(seen.keySet().stream().anyMatch(name -> name.startsWith("x-aegis-")), seen.toString());
        assertEquals("127.0.0.1", seen.get("x-forwarded-for"));
        assertNull(seen.get("x-real-ip"));
        assertNull(seen.get("forwarded"));
        assertNull(seen.get("x-forwarded-host"));
        assertEquals("kept-for-the-service", seen.get("x-admin-secret"));
        assertEquals("http", seen.get("x-forwarded-proto"));
    }

    @Test
    void hopByHopHeadersAreDroppedBothWays() throws Exception {
        // The JDK client refuses to send Connection itself, so this request is written by hand.
        String raw = rawGet("/user/info/get_user_info", "Authorization: " + suite.userToken(),
                "Connection: close, X-Private-Hop", "X-Private-Hop: secret", "Proxy-Authorization: Basic abc",
                "Keep-Alive: timeout=99");
        String head = raw.substring(0, raw.indexOf("\r\n\r\n")).toLowerCase(Locale.ROOT);
        String body = raw.substring(raw.indexOf("\r\n\r\n") + 4);
        assertTrue(head.startsWith("http/1.1 200"), head);
        assertTrue(head.contains("connection: close"), "the client's own wish to close is honoured: " + head);
        assertTrue(head.contains("x-fake-service: user-service"), "end-to-end answer headers pass: " + head);
        assertFalse(head.contains("keep-alive: timeout=5"), "the service's hop-by-hop answer header is dropped: " + head);
        assertTrue(body.contains("\"x-request-id\""), body);
        assertFalse(body.contains("x-private-hop"), body);
        assertFalse(body.contains("proxy-authorization"), body);
        assertFalse(body.contains("timeout=99"), body);
    }

    private static boolean complete(String answer) {
        int headEnd = answer.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            return false;
        }
        String head = answer.substring(0, headEnd).toLowerCase(Locale.ROOT);
        Matcher length = Pattern.compile("content-length: *(\\d+)").matcher(head);
        if (length.find()) {
            return answer.getBytes(StandardCharsets.UTF_8).length >= headEnd + 4 + Integer.parseInt(length.group(1));
        }
        return answer.endsWith("\r\n0\r\n\r\n");
    }

    private String rawGet(String path, String... headers) throws Exception {
        URI base = client.request("/").build().uri();
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            // Read until the answer is complete (it may arrive chunked); the connection may stay open.
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!complete(read.toString(StandardCharsets.UTF_8))) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                read.write(buffer, 0, n);
            }
            return read.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void validIncomingRequestIdIsKeptAndPassedOn() {
        GatewayClient.Answer answer = client.get("/user/info/get_user_info",
                "Authorization", suite.userToken(), "X-Request-Id", "client-42.retry_1");
        assertEquals("client-42.retry_1", answer.header("X-Request-Id"));
        assertEquals("client-42.retry_1", answer.forwardedHeaders().get("x-request-id"));
    }

    @Test
    void invalidOrMissingRequestIdIsReplacedWithAFreshOne() {
        for (String[] headers : new String[][] {{}, {"X-Request-Id", "has spaces"}, {"X-Request-Id", "x".repeat(65)},
                {"X-Request-Id", "semi;colon"}}) {
            String[] all = new String[headers.length + 2];
            all[0] = "Authorization";
            all[1] = suite.userToken();
            System.arraycopy(headers, 0, all, 2, headers.length);
            GatewayClient.Answer answer = client.get("/user/info/get_user_info", all);
            String id = answer.header("X-Request-Id");
            assertNotNull(id);
            assertTrue(UUID.matcher(id).matches(), id);
            assertEquals(id, answer.forwardedHeaders().get("x-request-id"));
        }
        assertNotEquals(client.get("/test/check_server_state").header("X-Request-Id"),
                client.get("/test/check_server_state").header("X-Request-Id"));
    }

    @Test
    void everyAnswerCarriesARequestIdErrorsIncluded() {
        GatewayClient.Answer unknown = client.get("/no/such/endpoint", "X-Request-Id", "abc-1");
        assertEquals(404, unknown.status());
        assertEquals("abc-1", unknown.header("X-Request-Id"));
        GatewayClient.Answer noToken = client.get("/user/info/get_user_info", "X-Request-Id", "abc-2");
        assertEquals(401, noToken.status());
        assertEquals("abc-2", noToken.header("X-Request-Id"));
        // An operator's token: a user's is refused by @Secured before the body is read (403 10005).
        GatewayClient.Answer badJson = client.postJson("/admin/endpoints/close", "{oops", "Authorization",
                "Bearer " + suite.authority.tokenFor("operator-ids", "ASD000102", Role.ADMIN), "X-Request-Id", "abc-3");
        assertEquals(400, badJson.status(), badJson.body());
        assertEquals(Codes.MALFORMED_REQUEST, badJson.code());
        assertEquals("abc-3", badJson.header("X-Request-Id"));
        assertNotNull(client.get("/health/liveness").header("X-Request-Id"));
        assertNotNull(client.get("/internal/revocations").header("X-Request-Id"));
    }
}
