package com.aegisspeed.testsupport;

import com.aegisspeed.common.envelope.Codes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import static com.aegisspeed.testsupport.EnvelopeAssertions.assertAvailabilityErrorEnvelope;
import static com.aegisspeed.testsupport.EnvelopeAssertions.assertErrorEnvelope;
import static com.aegisspeed.testsupport.EnvelopeAssertions.assertStandardEnvelope;
import static com.aegisspeed.testsupport.EnvelopeAssertions.assertTokenErrorEnvelope;
import static com.aegisspeed.testsupport.EnvelopeProbeController.VALID_BODY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every error a service can produce answers the project envelope, never a framework body or a stack
 * trace. Each service's test class extends this, so it runs inside that service's whole application
 * context against a fresh schema on the real MariaDB.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class EnvelopeContract {

    private RunningService service;
    private TestHttp http;

    @BeforeAll
    void startService() {
        service = RunningService.onFreshSchema(Map.of("spec.name", EnvelopeProbeController.SPEC_NAME));
        http = service.http();
    }

    @AfterAll
    void stopService() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void wellFormedRequestIsAnsweredWithSuccessEnvelope() {
        Map<String, Object> envelope = assertStandardEnvelope(http.postJson("/probe/standard", VALID_BODY), 200, Codes.SUCCESS);
        assertEquals(Map.of("name", "alice", "count", 3), envelope.get("data"));
    }

    @Test
    void jsonWithCharsetParameterAndUnicodeIsAcceptedAndEchoedIntact() {
        TestHttp.Reply reply = http.post("/probe/standard", "application/json; charset=utf-8",
                "{\"name\":\"张三 \\u00e9\",\"count\":1}");
        Map<String, Object> envelope = assertStandardEnvelope(reply, 200, Codes.SUCCESS);
        assertEquals(Map.of("name", "张三 é", "count", 1), envelope.get("data"));
    }

    @Test
    void brokenJsonAnswers400With00005() {
        for (String broken : new String[] {"{\"name\": \"alice\", ", "not json at all", "{\"name\":\"a\" \"count\":1}"}) {
            Map<String, Object> envelope = assertErrorEnvelope(http.postJson("/probe/standard", broken),
                    400, Codes.MALFORMED_REQUEST);
            assertEquals("Malformed request: the body is not valid JSON of the expected shape", envelope.get("result"));
        }
    }

    @Test
    void badPercentEncodingInThePathAnswers400With00005() {
        Map<String, Object> envelope = assertErrorEnvelope(http.rawGet("/probe/%zz"), 400, Codes.MALFORMED_REQUEST);
        assertEquals("Malformed request: the request could not be read", envelope.get("result"));
    }

    @Test
    void overlongUriAndOversizedHeadersAnswer413With00003() {
        assertErrorEnvelope(http.get("/probe/" + "a".repeat(10_000)), 413, Codes.BODY_TOO_LARGE);
        assertErrorEnvelope(http.send(HttpRequest.newBuilder(http.uri("/probe/standard"))
                .header("X-Padding", "a".repeat(20_000)).GET()), 413, Codes.BODY_TOO_LARGE);
    }

    @Test
    void anOverlongRequestLineIsAnsweredWithConnectionClose() throws IOException {
        URI base = http.uri("/");
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /probe/" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            while (!head.toString(StandardCharsets.US_ASCII).contains("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.write(b);
            }
            String answer = head.toString(StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT);
            assertTrue(answer.contains(" 413 "), answer);
            // The server closes the connection after it: a client must not send its next request down it.
            assertTrue(answer.contains("connection: close"), answer);
        }
    }

    @Test
    void clientsAskingForHtmlStillGetTheJsonEnvelope() {
        assertErrorEnvelope(http.send(HttpRequest.newBuilder(http.uri("/no/such/endpoint"))
                .header("Accept", "text/html").GET()), 404, Codes.NO_SUCH_ENDPOINT);
    }

    @Test
    void clientsAcceptingOnlyXmlAnswer406With00005() {
        assertErrorEnvelope(http.send(HttpRequest.newBuilder(http.uri("/probe/standard"))
                .header("Accept", "application/xml").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(VALID_BODY))), 406, Codes.MALFORMED_REQUEST);
    }

    @Test
    void emptyBodyAnswers400With00005() {
        assertErrorEnvelope(http.postJson("/probe/standard", ""), 400, Codes.MALFORMED_REQUEST);
    }

    @Test
    void jsonThatIsNotAnObjectAnswers400With00005() {
        assertErrorEnvelope(http.postJson("/probe/standard", "[1,2,3]"), 400, Codes.MALFORMED_REQUEST);
    }

    @Test
    void missingFieldAnswers400With00005() {
        assertErrorEnvelope(http.postJson("/probe/standard", "{\"name\":\"alice\"}"), 400, Codes.MALFORMED_REQUEST);
    }

    @Test
    void wronglyTypedFieldAnswers400With00005() {
        assertErrorEnvelope(http.postJson("/probe/standard", "{\"name\":\"alice\",\"count\":\"three\"}"),
                400, Codes.MALFORMED_REQUEST);
        assertErrorEnvelope(http.postJson("/probe/standard", "{\"name\":{\"nested\":true},\"count\":3}"),
                400, Codes.MALFORMED_REQUEST);
    }

    @Test
    void answersAndRefusalsTellCachesNotToStoreThem() throws IOException {
        assertEquals("no-store", cacheControlOf("POST /probe/standard", VALID_BODY));
        assertEquals("no-store", cacheControlOf("POST /probe/token", VALID_BODY));
        assertEquals("no-store", cacheControlOf("POST /probe/standard", "{"));
        assertEquals("no-store", cacheControlOf("GET /no/such/endpoint", ""));
    }

    /** The Cache-Control header of the answer to a request sent as raw bytes. */
    private String cacheControlOf(String requestLine, String body) throws IOException {
        URI base = http.uri("/");
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write((requestLine + " HTTP/1.1\r\nHost: " + base.getHost()
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + content.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(content);
            String head = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\r\n\r\n", 2)[0];
            return head.lines().filter(line -> line.toLowerCase(Locale.ROOT).startsWith("cache-control:"))
                    .map(line -> line.substring("cache-control:".length()).trim()).findFirst().orElse("(none)");
        }
    }

    @Test
    void aOneElementArrayWhereAStringBelongsAnswers400With00005() {
        assertErrorEnvelope(http.postJson("/probe/standard", "{\"name\":[\"alice\"],\"count\":3}"),
                400, Codes.MALFORMED_REQUEST);
    }

    @Test
    void invalidFieldValueAnswers400With00005NamingTheField() {
        Map<String, Object> envelope = assertErrorEnvelope(
                http.postJson("/probe/standard", "{\"name\":\"  \",\"count\":3}"), 400, Codes.MALFORMED_REQUEST);
        assertEquals("Malformed request: 'name' must not be blank", envelope.get("result"));
    }

    @Test
    void wrongContentTypeAnswers415With00005() {
        assertErrorEnvelope(http.post("/probe/standard", "text/plain", VALID_BODY), 415, Codes.MALFORMED_REQUEST);
        assertErrorEnvelope(http.post("/probe/standard", "application/x-www-form-urlencoded", "name=a&count=1"),
                415, Codes.MALFORMED_REQUEST);
    }

    @Test
    void unknownPathAnswers404With00004() {
        assertErrorEnvelope(http.get("/no/such/endpoint"), 404, Codes.NO_SUCH_ENDPOINT);
        assertErrorEnvelope(http.postJson("/no/such/endpoint", VALID_BODY), 404, Codes.NO_SUCH_ENDPOINT);
    }

    @Test
    void wrongMethodAnswers405With00004() {
        assertErrorEnvelope(http.get("/probe/standard"), 405, Codes.NO_SUCH_ENDPOINT);
    }

    @Test
    void oversizedBodyAnswers413With00003() {
        String huge = "{\"name\":\"" + "x".repeat(200_000) + "\",\"count\":1}";
        assertErrorEnvelope(http.postJson("/probe/standard", huge), 413, Codes.BODY_TOO_LARGE);
    }

    @Test
    void unexpectedExceptionAnswers500WithTheEndpointsInternalErrorCodeAndNoDetail() {
        TestHttp.Reply reply = http.postJson("/probe/standard/failure", VALID_BODY);
        assertErrorEnvelope(reply, 500, EnvelopeProbeController.STANDARD_INTERNAL_ERROR);
        assertFalse(reply.body().contains(EnvelopeProbeController.SECRET_DETAIL), reply.body());
    }

    @Test
    void unexpectedExceptionOnUndeclaredEndpointAnswers500With00002() {
        TestHttp.Reply reply = http.get("/probe/undeclared/failure");
        assertErrorEnvelope(reply, 500, Codes.UPSTREAM_UNAVAILABLE);
        assertFalse(reply.body().contains(EnvelopeProbeController.SECRET_DETAIL), reply.body());
    }

    @Test
    void tokenIssuingEndpointErrorsCarryAnEmptyToken() {
        assertTokenErrorEnvelope(http.postJson("/probe/token", "{oops"), 400, Codes.MALFORMED_REQUEST);
        TestHttp.Reply failure = http.postJson("/probe/token", VALID_BODY);
        assertTokenErrorEnvelope(failure, 500, EnvelopeProbeController.TOKEN_INTERNAL_ERROR);
        assertFalse(failure.body().contains(EnvelopeProbeController.SECRET_DETAIL), failure.body());
    }

    @Test
    void availabilityEndpointErrorsUseInfoAndFalseResult() {
        assertAvailabilityErrorEnvelope(http.postJson("/probe/availability", "{oops"), 400, Codes.MALFORMED_REQUEST);
        assertAvailabilityErrorEnvelope(http.postJson("/probe/availability", VALID_BODY),
                500, EnvelopeProbeController.AVAILABILITY_INTERNAL_ERROR);
    }

    @Test
    void aWrongContentTypeMethodOrSizeAnswersInTheEndpointsOwnEnvelope() {
        String huge = "{\"name\":\"" + "x".repeat(200_000) + "\",\"count\":1}";
        assertTokenErrorEnvelope(http.post("/probe/token", "text/plain", VALID_BODY), 415, Codes.MALFORMED_REQUEST);
        assertTokenErrorEnvelope(http.get("/probe/token"), 405, Codes.NO_SUCH_ENDPOINT);
        assertTokenErrorEnvelope(http.postJson("/probe/token", huge), 413, Codes.BODY_TOO_LARGE);
        assertAvailabilityErrorEnvelope(http.post("/probe/availability", "application/xml", VALID_BODY),
                415, Codes.MALFORMED_REQUEST);
        assertAvailabilityErrorEnvelope(http.get("/probe/availability"), 405, Codes.NO_SUCH_ENDPOINT);
        assertAvailabilityErrorEnvelope(http.postJson("/probe/availability", huge), 413, Codes.BODY_TOO_LARGE);
    }

    @Test
    void headRequestToUnknownPathAnswers404WithoutBody() {
        TestHttp.Reply reply = http.head("/no/such/endpoint");
        assertEquals(404, reply.status());
        assertEquals("", reply.body());
    }
}
