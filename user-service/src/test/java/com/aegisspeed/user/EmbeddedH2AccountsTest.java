package com.aegisspeed.user;

import com.aegisspeed.testsupport.EnvelopeAssertions;
import com.aegisspeed.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The account queries work on embedded H2 in MySQL mode, as {@code bin/run} runs the service: creating users
 * (each with an AegisSpeed ID of its own), a phone change that collides with another user's unique key (told
 * apart from H2's own message), and a state change.
 */
class EmbeddedH2AccountsTest {

    @Test
    void accountsAreCreatedChangedAndTheirUniqueKeysNamedOnEmbeddedH2(@TempDir Path dataDir) {
        try (UserServiceHarness harness = UserServiceHarness.startOnEmbeddedH2(dataDir)) {
            Map<String, Object> first = harness.createUser();
            Map<String, Object> secondFields = harness.newUserFields();
            Map<String, Object> second = harness.createUser(secondFields);
            assertNotEquals(first.get("user_AegisSpeed_id"), second.get("user_AegisSpeed_id"));

            TestHttp.Reply taken = harness.post("/user/info/modify_user_phone_number", harness.tokenOf(first),
                    UserServiceHarness.json(Map.of("user_phone_number", secondFields.get("user_phone_number"))));
            EnvelopeAssertions.assertErrorEnvelope(taken, 409, "10003");

            TestHttp.Reply marked = harness.internal("PUT", "/internal/users/" + first.get("public_id") + "/state",
                    "{\"user_state\":\"cheater\"}");
            assertEquals(200, marked.status(), marked.body());
            assertEquals("cheater", harness.internal("GET", "/internal/users/" + first.get("public_id"), null)
                    .data().get("user_state"));
        }
    }
}
