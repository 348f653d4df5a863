package com.aegisspeed.user;

import com.aegisspeed.testsupport.EnvelopeAssertions;
import com.aegisspeed.testsupport.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code POST /user/info/modify_user_password}: the new password replaces the old one and every token of the
 * user is revoked through auth-service, together or not at all.
 */
class ModifyPasswordTest {

    private static final String PATH = "/user/info/modify_user_password";
    private static UserServiceHarness harness;

    @BeforeAll
    static void start() {
        harness = UserServiceHarness.start();
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    private static TestHttp.Reply change(String token, String current, String next) {
        return harness.post(PATH, token, "{\"user_password\":\"" + current + "\",\"new_user_password\":\"" + next + "\"}");
    }

    private static int credentialsStatus(Map<String, Object> user, String password) {
        return harness.internal("POST", "/internal/users/credentials",
                "{\"user_id\":\"" + user.get("user_id") + "\",\"user_password\":\"" + password + "\"}").status();
    }

    @Test
    void theNewPasswordWorksTheOldOneNoLongerAndTheUsersTokensAreRevoked() {
        Map<String, Object> fields = harness.newUserFields();
        Map<String, Object> user = harness.createUser(fields);
        String token = harness.tokenOf(user);
        String old = (String) fields.get("user_password");

        EnvelopeAssertions.assertStandardEnvelope(change(token, old, "a-brand-new-secret"), 200, "10000");

        assertEquals(List.of(user.get("public_id")), harness.authority.revokeTokenCalls().stream()
                .filter(user.get("public_id")::equals).toList());
        assertEquals(200, credentialsStatus(user, "a-brand-new-secret"));
        assertEquals(401, credentialsStatus(user, old));
        // This service had the revocation acknowledged, so it refuses the old token at once, before any poll.
        assertEquals(401, harness.get("/user/info/get_user_info", token).status());
    }

    @Test
    void aWrongCurrentPasswordAnswers401Code10003AndChangesNothing() {
        Map<String, Object> fields = harness.newUserFields();
        Map<String, Object> user = harness.createUser(fields);
        EnvelopeAssertions.assertErrorEnvelope(change(harness.tokenOf(user), "not-my-password", "a-brand-new-secret"), 401, "10003");
        assertEquals(200, credentialsStatus(user, (String) fields.get("user_password")));
    }

    @Test
    void aNewPasswordOutsideThePolicyAnswers400Code10005() {
        Map<String, Object> fields = harness.newUserFields();
        Map<String, Object> user = harness.createUser(fields);
        String token = harness.tokenOf(user);
        String current = (String) fields.get("user_password");
        for (String weak : new String[] {"short1!", "x".repeat(129), "password123", "QWERTYUIOP"}) {
            EnvelopeAssertions.assertErrorEnvelope(change(token, current, weak), 400, "10005");
        }
        EnvelopeAssertions.assertErrorEnvelope(harness.post(PATH, token, "{\"user_password\":\"" + current + "\"}"), 400, "00005");
        assertEquals(200, credentialsStatus(user, current));
    }

    @Test
    void whenAuthServiceCannotRevokeTheTokensThePasswordStaysAsItWas() {
        Map<String, Object> fields = harness.newUserFields();
        Map<String, Object> user = harness.createUser(fields);
        String token = harness.tokenOf(user);
        String current = (String) fields.get("user_password");
        assertEquals(200, harness.get("/user/info/get_user_info", token).status()); // revocations loaded
        harness.authority.stop();
        try {
            EnvelopeAssertions.assertErrorEnvelope(change(token, current, "a-brand-new-secret"), 500, "10004");
        } finally {
            harness.authority.restart();
        }
        assertEquals(200, credentialsStatus(user, current));
        assertEquals(401, credentialsStatus(user, "a-brand-new-secret"));
    }

    @Test
    void noValidTokenAnswers401Code10001() {
        EnvelopeAssertions.assertErrorEnvelope(change(null, "whatever-it-is", "a-brand-new-secret"), 401, "10001");
    }

    @Test
    void whenClosedForMaintenanceItAnswers403Code10002() {
        try (UserServiceHarness closed = UserServiceHarness.start(Map.of("aegis.maintenance.closed-endpoints", PATH))) {
            EnvelopeAssertions.assertErrorEnvelope(closed.post(PATH, closed.tokenOf(closed.bootstrapAdmin()),
                    "{\"user_password\":\"" + UserServiceHarness.ADMIN_PASSWORD + "\",\"new_user_password\":\"another-good-one\"}"),
                    403, "10002");
        }
    }
}
