package com.aegisspeed.user;

import com.aegisspeed.testsupport.EnvelopeAssertions;
import com.aegisspeed.testsupport.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code POST /verify/verify_user_id_and_name} with the default provider, the registered accounts: availability
 * envelope, {@code result: true} = the ID number and name belong together; each ID number has a budget of checks.
 */
class RealNameCheckTest {

    private static final String PATH = "/verify/verify_user_id_and_name";
    private static final int CHECKS_PER_ID_NUMBER = 3;
    private static UserServiceHarness harness;

    @BeforeAll
    static void start() {
        harness = UserServiceHarness.start(Map.of("aegis.real-name.checks-per-id-number", CHECKS_PER_ID_NUMBER));
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    private static TestHttp.Reply check(Object idNumber, String name) {
        return harness.http().postJson(PATH, "{\"user_id\":\"" + idNumber + "\",\"user_name\":\"" + name + "\"}");
    }

    @Test
    void theRegisteredNameOfAnIdNumberMatches() {
        Map<String, Object> fields = harness.newUserFields();
        fields.put("user_name", "欧阳明月");
        harness.createUser(fields);
        assertEquals(Map.of("status", 200, "code", "10000", "info", "ID number and name match", "result", true),
                check(fields.get("user_id"), "欧阳明月").envelope());
    }

    @Test
    void anotherNameDoesNotMatch() {
        Map<String, Object> fields = harness.newUserFields();
        harness.createUser(fields);
        assertEquals(Map.of("status", 200, "code", "10003", "info", "ID number and name do not match", "result", false),
                check(fields.get("user_id"), "李四").envelope());
    }

    @Test
    void anUnregisteredIdNumberHasNoRecord() {
        assertEquals(Map.of("status", 200, "code", "10006", "info", "No record of this ID number", "result", false),
                check(harness.newUserFields().get("user_id"), "王五").envelope());
    }

    @Test
    void anInvalidIdNumberOrNameIsRefusedBeforeAnyCheck() {
        EnvelopeAssertions.assertAvailabilityErrorEnvelope(check("110105199001010011", "张三"), 400, "10002");
        Object valid = harness.newUserFields().get("user_id");
        for (String name : new String[] {"", "张", "Robert'); DROP TABLE users;--", "张三3", "a".repeat(65)}) {
            EnvelopeAssertions.assertAvailabilityErrorEnvelope(check(valid, name), 400, "10005");
        }
        EnvelopeAssertions.assertAvailabilityErrorEnvelope(harness.http().postJson(PATH, "{\"user_id\":\"" + valid + "\"}"),
                400, "00005");
    }

    @Test
    void oneIdNumberGetsItsBudgetOfChecksThenWaits() {
        Map<String, Object> fields = harness.newUserFields();
        harness.createUser(fields);
        for (int i = 0; i < CHECKS_PER_ID_NUMBER; i++) {
            assertEquals("10003", check(fields.get("user_id"), "猜名字").envelope().get("code"));
        }
        HttpResponse<String> limited = harness.http().exchange(HttpRequest.newBuilder(harness.http().uri(PATH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user_id\":\"" + fields.get("user_id") + "\",\"user_name\":\"张三\"}")));
        EnvelopeAssertions.assertAvailabilityErrorEnvelope(harness.http().reply(limited), 429, "00001");
        assertTrue(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow()) > 0, "Retry-After");
        // Another ID number keeps its own budget.
        Map<String, Object> other = harness.newUserFields();
        harness.createUser(other);
        assertEquals("10000", check(other.get("user_id"), "张三").envelope().get("code"));
    }
}
