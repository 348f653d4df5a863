package com.aegisspeed.user;

import com.aegisspeed.testsupport.EnvelopeAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A creation refused for a taken ID number, phone number or e-mail address spends no AegisSpeed ID: only
 * 999,999 exist and none is ever reused.
 */
class DuplicateCreateTest {

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
    void refusedDuplicatesTakeNoAegisSpeedId() {
        Map<String, Object> existing = harness.newUserFields();
        int before = number(harness.createUser(existing));
        Map<String, String> codeByField = Map.of("user_id", "10005", "user_phone_number", "10006", "user_email", "10007");
        codeByField.forEach((field, code) -> {
            Map<String, Object> clash = harness.newUserFields();
            clash.put(field, existing.get(field));
            EnvelopeAssertions.assertErrorEnvelope(
                    harness.internal("POST", "/internal/users", UserServiceHarness.json(clash)), 409, code);
        });
        assertEquals(before + 1, number(harness.createUser()));
    }

    private static int number(Map<String, Object> user) {
        return Integer.parseInt(((String) user.get("user_AegisSpeed_id")).substring(3));
    }
}
