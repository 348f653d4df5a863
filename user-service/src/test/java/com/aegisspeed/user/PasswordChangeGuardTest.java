package com.aegisspeed.user;

import com.aegisspeed.testsupport.EnvelopeAssertions;
import com.aegisspeed.testsupport.TestHttp;
import com.aegisspeed.testsupport.TestHttpClients;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The current password of {@code modify_user_password} is guarded like a login (docs/contract.md): every check is
 * counted by auth-service's login guard (here its stand-in) on the user's ID number and the client's address, and
 * while the guard says wait, the change answers 429 {@code 00001} with {@code Retry-After} without checking.
 */
class PasswordChangeGuardTest {

    private static final String PATH = "/user/info/modify_user_password";
    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static UserServiceHarness harness;

    @BeforeAll
    static void start() {
        harness = UserServiceHarness.start();
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    private record Answer(TestHttp.Reply reply, String retryAfter) {
    }

    private static Answer change(String token, String current, String next) {
        HttpRequest request = HttpRequest.newBuilder(harness.http().uri(PATH))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("X-Forwarded-For", "203.0.113.9")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"user_password\":\"" + current + "\",\"new_user_password\":\"" + next + "\"}"))
                .build();
        try {
            HttpResponse<String> response = TestHttpClients.shared().send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(new TestHttp.Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), JSON),
                    response.headers().firstValue("Retry-After").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<Map<String, Object>> attemptsOf(Object idNumber) {
        return harness.authority.passwordAttempts().stream().filter(a -> idNumber.equals(a.get("user_id"))).toList();
    }

    @Test
    void aWrongCurrentPasswordIsCountedAsAFailureOfThatIdNumberFromTheClientsAddress() {
        Map<String, Object> fields = harness.newUserFields();
        Map<String, Object> user = harness.createUser(fields);
        EnvelopeAssertions.assertErrorEnvelope(change(harness.tokenOf(user), "not-my-password", "a-brand-new-secret").reply(),
                401, "10003");
        List<Map<String, Object>> attempts = attemptsOf(fields.get("user_id"));
        assertEquals(1, attempts.size(), attempts.toString());
        assertEquals(Boolean.FALSE, attempts.get(0).get("succeeded"));
        assertEquals("203.0.113.9", attempts.get(0).get("forwarded_for"));
    }

    @Test
    void theRightCurrentPasswordIsCountedAsASuccess() {
        Map<String, Object> fields = harness.newUserFields();
        Map<String, Object> user = harness.createUser(fields);
        EnvelopeAssertions.assertStandardEnvelope(change(harness.tokenOf(user), (String) fields.get("user_password"),
                "a-brand-new-secret").reply(), 200, "10000");
        assertEquals(List.of(Boolean.TRUE), attemptsOf(fields.get("user_id")).stream().map(a -> a.get("succeeded")).toList());
    }

    @Test
    void whileTheGuardSaysWaitEvenTheRightPasswordAnswers429WithRetryAfterAndIsNotChecked() {
        Map<String, Object> fields = harness.newUserFields();
        Map<String, Object> user = harness.createUser(fields);
        harness.authority.lockPasswordChecks((String) fields.get("user_id"), 42);
        Answer locked = change(harness.tokenOf(user), (String) fields.get("user_password"), "a-brand-new-secret");
        EnvelopeAssertions.assertErrorEnvelope(locked.reply(), 429, "00001");
        assertEquals("42", locked.retryAfter());
        assertEquals(List.of(), attemptsOf(fields.get("user_id")));
        assertEquals(200, harness.internal("POST", "/internal/users/credentials", "{\"user_id\":\"" + fields.get("user_id")
                + "\",\"user_password\":\"" + fields.get("user_password") + "\"}").status(), "the password is unchanged");
    }

    @Test
    void aNewPasswordOutsideThePolicyIsRefusedWithoutCountingAnything() {
        Map<String, Object> fields = harness.newUserFields();
        Map<String, Object> user = harness.createUser(fields);
        EnvelopeAssertions.assertErrorEnvelope(change(harness.tokenOf(user), "not-my-password", "short").reply(), 400, "10005");
        assertEquals(List.of(), attemptsOf(fields.get("user_id")));
    }
}
