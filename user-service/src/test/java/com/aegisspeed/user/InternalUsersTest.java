package com.aegisspeed.user;

import com.aegisspeed.testsupport.EnvelopeAssertions;
import com.aegisspeed.testsupport.TestHttp;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The internal API auth-service and anticheat-service use (docs/internal-api.md), on real MariaDB. */
class InternalUsersTest {

    private static UserServiceHarness harness;

    @BeforeAll
    static void start() {
        harness = UserServiceHarness.start();
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void createAssignsAnAegisSpeedIdAndStoresAnArgon2idHashNotThePassword() throws SQLException {
        Map<String, Object> fields = harness.newUserFields();
        fields.put("user_email", "Mixed.Case@Example.com");
        Map<String, Object> user = harness.createUser(fields);

        assertEquals(fields.get("user_id"), user.get("user_id"));
        assertEquals("张三", user.get("user_name"));
        assertEquals(fields.get("user_phone_number"), user.get("user_phone_number"));
        assertEquals("mixed.case@example.com", user.get("user_email"));
        assertEquals("用户", user.get("user_role"));
        assertEquals("active", user.get("user_state"));
        assertTrue(((String) user.get("user_AegisSpeed_id")).matches("ASD[0-9]{6}"), user.toString());
        assertTrue(((String) user.get("public_id")).matches("[0-9a-f-]{36}"), user.toString());

        String hash = storedHash((String) user.get("public_id"));
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertTrue(!hash.contains((String) fields.get("user_password")));
    }

    @Test
    void everyUserGetsAnAegisSpeedIdOfItsOwn() {
        String first = (String) harness.createUser().get("user_AegisSpeed_id");
        String second = (String) harness.createUser().get("user_AegisSpeed_id");
        assertNotEquals(first, second);
        assertTrue(Integer.parseInt(second.substring(3)) > Integer.parseInt(first.substring(3)), first + " then " + second);
    }

    @Test
    void aTakenIdNumberPhoneOrEmailAnswers409WithItsRegistrationCode() {
        Map<String, Object> existing = harness.newUserFields();
        harness.createUser(existing);
        Map<String, String> codeByField = Map.of("user_id", "10005", "user_phone_number", "10006", "user_email", "10007");
        codeByField.forEach((field, code) -> {
            Map<String, Object> clash = harness.newUserFields();
            clash.put(field, existing.get(field));
            EnvelopeAssertions.assertErrorEnvelope(
                    harness.internal("POST", "/internal/users", UserServiceHarness.json(clash)), 409, code);
        });
        Map<String, Object> upperCaseEmail = harness.newUserFields();
        upperCaseEmail.put("user_email", ((String) existing.get("user_email")).toUpperCase());
        EnvelopeAssertions.assertErrorEnvelope(
                harness.internal("POST", "/internal/users", UserServiceHarness.json(upperCaseEmail)), 409, "10007");
    }

    @Test
    void credentialsMatchByIdNumberOrAegisSpeedId() {
        Map<String, Object> fields = harness.newUserFields();
        Map<String, Object> user = harness.createUser(fields);
        TestHttp.Reply byIdNumber = credentials(Map.of("user_id", fields.get("user_id"), "user_password", fields.get("user_password")));
        assertEquals(200, byIdNumber.status(), byIdNumber.body());
        assertEquals(user.get("public_id"), byIdNumber.data().get("public_id"));
        TestHttp.Reply byAegisSpeedId = credentials(Map.of("user_AegisSpeed_id", user.get("user_AegisSpeed_id"),
                "user_password", fields.get("user_password")));
        assertEquals(200, byAegisSpeedId.status(), byAegisSpeedId.body());
        assertEquals(user.get("public_id"), byAegisSpeedId.data().get("public_id"));
    }

    @Test
    void aWrongPasswordAnswers401AndAnUnknownUser404() {
        Map<String, Object> fields = harness.newUserFields();
        harness.createUser(fields);
        EnvelopeAssertions.assertErrorEnvelope(credentials(Map.of("user_id", fields.get("user_id"),
                "user_password", "not-the-password")), 401, "10001");
        Map<String, Object> stranger = harness.newUserFields();
        EnvelopeAssertions.assertErrorEnvelope(credentials(Map.of("user_id", stranger.get("user_id"),
                "user_password", "whatever-it-is")), 404, "10002");
        EnvelopeAssertions.assertErrorEnvelope(credentials(Map.of("user_AegisSpeed_id", "ASD999998",
                "user_password", "whatever-it-is")), 404, "10002");
    }

    @Test
    void lookupsFindTheUserByEachIdentifierOr404() {
        Map<String, Object> user = harness.createUser();
        for (String path : new String[] {"/internal/users/" + user.get("public_id"),
                "/internal/users/by-id-number/" + user.get("user_id"),
                "/internal/users/by-aegisspeed-id/" + user.get("user_AegisSpeed_id")}) {
            TestHttp.Reply reply = harness.internal("GET", path, null);
            assertEquals(200, reply.status(), path + " " + reply.body());
            assertEquals(user, reply.data());
        }
        EnvelopeAssertions.assertErrorEnvelope(harness.internal("GET", "/internal/users/no-such-user", null), 404, "10002");
        EnvelopeAssertions.assertErrorEnvelope(harness.internal("GET", "/internal/users/by-aegisspeed-id/ASD999997", null), 404, "10002");
    }

    @Test
    void stateChangesMarkAndLiftACheater() {
        Map<String, Object> user = harness.createUser();
        String path = "/internal/users/" + user.get("public_id") + "/state";
        TestHttp.Reply marked = harness.internal("PUT", path, "{\"user_state\":\"cheater\"}");
        assertEquals(200, marked.status(), marked.body());
        assertEquals("cheater", marked.data().get("user_state"));
        assertEquals("active", harness.internal("PUT", path, "{\"user_state\":\"active\"}").data().get("user_state"));
        EnvelopeAssertions.assertErrorEnvelope(harness.internal("PUT", path, "{\"user_state\":\"banned\"}"), 400, "00005");
        EnvelopeAssertions.assertErrorEnvelope(
                harness.internal("PUT", "/internal/users/no-such-user/state", "{\"user_state\":\"active\"}"), 404, "10002");
    }

    @Test
    void withoutTheInternalSecretNothingIsAnswered() {
        TestHttp.Reply reply = harness.http().send(HttpRequest.newBuilder(harness.http().uri("/internal/users"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(UserServiceHarness.json(harness.newUserFields()))));
        EnvelopeAssertions.assertErrorEnvelope(reply, 403, "00000");
    }

    private static TestHttp.Reply credentials(Map<String, Object> attempt) {
        return harness.internal("POST", "/internal/users/credentials", UserServiceHarness.json(new HashMap<>(attempt)));
    }

    private static String storedHash(String publicId) throws SQLException {
        DataSource dataSource = DelegatingDataSource.unwrapDataSource(harness.service.context().getBean(DataSource.class));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT password_hash FROM users WHERE public_id = ?")) {
            query.setString(1, publicId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }
}
