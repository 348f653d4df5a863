package com.aegisspeed.user;

import com.aegisspeed.testsupport.EnvelopeAssertions;
import com.aegisspeed.testsupport.TestHttp;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real-name check on Tencent Cloud's identity verification (IdCardVerification), against a local stub that
 * speaks that API: it checks each request's TC3-HMAC-SHA256 signature from what actually arrived (headers and body
 * bytes) with its own copy of the secret key, refuses a bad one as Tencent does, and answers each ID number with
 * the result code the test set for it.
 */
class TencentCloudRealNameTest {

    private static final String PATH = "/verify/verify_user_id_and_name";
    private static final String SECRET_ID = "AKIDtestonly0000000000000000";
    private static final String SECRET_KEY = "test-only-secret-key";
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "TC3-HMAC-SHA256 Credential=([^/]+)/(\\d{4}-\\d{2}-\\d{2})/faceid/tc3_request, "
                    + "SignedHeaders=content-type;host;x-tc-action, Signature=([0-9a-f]{64})");

    private static final Map<String, String> RESULTS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final List<String> BODIES = new CopyOnWriteArrayList<>();
    private static volatile String stubKey = SECRET_KEY;
    private static HttpServer stub;
    private static UserServiceHarness harness;

    @BeforeAll
    static void start() throws IOException {
        stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        stub.createContext("/", TencentCloudRealNameTest::answer);
        stub.start();
        harness = UserServiceHarness.start(Map.of(
                "aegis.real-name.provider", "tencent-cloud",
                "aegis.real-name.tencent-cloud.endpoint", "http://127.0.0.1:" + stub.getAddress().getPort(),
                "aegis.real-name.tencent-cloud.secret-id", SECRET_ID,
                "aegis.real-name.tencent-cloud.secret-key", SECRET_KEY));
    }

    @AfterAll
    static void stop() {
        harness.close();
        stub.stop(0);
    }

    @BeforeEach
    void trustOurKey() {
        stubKey = SECRET_KEY;
    }

    private static TestHttp.Reply check(String idNumber, String name) {
        return harness.http().postJson(PATH, "{\"user_id\":\"" + idNumber + "\",\"user_name\":\"" + name + "\"}");
    }

    private static String idNumberAnswered(String result) {
        String idNumber = harness.newUserFields().get("user_id").toString();
        RESULTS.put(idNumber, result);
        return idNumber;
    }

    @Test
    void theProvidersVerdictsBecomeTheEndpointsCodes() {
        assertEquals(Map.of("status", 200, "code", "10000", "info", "ID number and name match", "result", true),
                check(idNumberAnswered("0"), "张三").envelope());
        assertEquals("10003", check(idNumberAnswered("-1"), "张三").envelope().get("code"));
        assertEquals("10006", check(idNumberAnswered("-5"), "张三").envelope().get("code"));
        EnvelopeAssertions.assertAvailabilityErrorEnvelope(check(idNumberAnswered("-3"), "张三"), 400, "10005");
    }

    @Test
    void theRequestCarriesTheIdNumberAndNameAsTheApiDocumentsThem() {
        String idNumber = idNumberAnswered("0");
        check(idNumber, "欧阳明月");
        assertTrue(BODIES.contains("{\"IdCard\":\"" + idNumber + "\",\"Name\":\"欧阳明月\"}"), BODIES.toString());
    }

    @Test
    void aProviderThatCannotAnswerIsA503AndNeverAVerdict() {
        // -4: the authority's database failed; -7: the day's quota is spent.
        for (String result : new String[] {"-4", "-7"}) {
            EnvelopeAssertions.assertAvailabilityErrorEnvelope(check(idNumberAnswered(result), "张三"), 503, "00002");
        }
    }

    @Test
    void aSignatureTheProviderRejectsIsA503() {
        stubKey = "another-key";
        EnvelopeAssertions.assertAvailabilityErrorEnvelope(check(idNumberAnswered("0"), "张三"), 503, "00002");
    }

    /** What Tencent Cloud's API answers: a signature check, then {@code {"Response": {...}}}. */
    private static void answer(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String payload = new String(body, StandardCharsets.UTF_8);
        BODIES.add(payload);
        String response;
        String failure = signatureFailure(exchange, payload);
        if (failure != null) {
            response = "{\"Response\":{\"Error\":{\"Code\":\"AuthFailure.SignatureFailure\",\"Message\":\"" + failure
                    + "\"},\"RequestId\":\"stub-1\"}}";
        } else {
            String idNumber = payload.replaceAll(".*\"IdCard\":\"([^\"]*)\".*", "$1");
            String result = RESULTS.getOrDefault(idNumber, "-5");
            response = "{\"Response\":{\"Result\":\"" + result + "\",\"Description\":\"stub\",\"RequestId\":\"stub-2\"}}";
        }
        byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String signatureFailure(HttpExchange exchange, String payload) {
        var headers = exchange.getRequestHeaders();
        if (!"POST".equals(exchange.getRequestMethod()) || !"/".equals(exchange.getRequestURI().getPath())) {
            return "not POST /";
        }
        if (!"IdCardVerification".equals(headers.getFirst("X-TC-Action")) || !"2018-03-01".equals(headers.getFirst("X-TC-Version"))) {
            return "action or version";
        }
        long timestamp = Long.parseLong(headers.getFirst("X-TC-Timestamp"));
        if (Math.abs(Instant.now().getEpochSecond() - timestamp) > 300) {
            return "timestamp too far from now";
        }
        Matcher authorization = AUTHORIZATION.matcher(String.valueOf(headers.getFirst("Authorization")));
        if (!authorization.matches() || !SECRET_ID.equals(authorization.group(1))) {
            return "authorization header";
        }
        String date = authorization.group(2);
        if (!date.equals(Instant.ofEpochSecond(timestamp).atZone(ZoneOffset.UTC).toLocalDate().toString())) {
            return "credential date";
        }
        String canonical = "POST\n/\n\ncontent-type:" + headers.getFirst("Content-Type") + "\nhost:" + headers.getFirst("Host")
                + "\nx-tc-action:" + headers.getFirst("X-TC-Action").toLowerCase() + "\n\ncontent-type;host;x-tc-action\n"
                + sha256(payload);
        String toSign = "TC3-HMAC-SHA256\n" + timestamp + "\n" + date + "/faceid/tc3_request\n" + sha256(canonical);
        byte[] key = hmac(("TC3" + stubKey).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, "faceid");
        key = hmac(key, "tc3_request");
        return HexFormat.of().formatHex(hmac(key, toSign)).equals(authorization.group(3)) ? null : "signature mismatch";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
