package com.aegisspeed.testsupport;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks that an answer is exactly the project envelope (docs/contract.md) with the expected status and code. */
public final class EnvelopeAssertions {

    private static final Set<String> STANDARD_KEYS = Set.of("status", "code", "result", "data");

    private EnvelopeAssertions() {
    }

    public static Map<String, Object> assertStandardEnvelope(TestHttp.Reply reply, int status, String code) {
        Map<String, Object> envelope = assertJsonWithStatus(reply, status);
        assertEquals(STANDARD_KEYS, envelope.keySet(), reply.body());
        assertEquals(code, envelope.get("code"), reply.body());
        assertTrue(envelope.get("result") instanceof String text && !text.isBlank(), reply.body());
        return envelope;
    }

    /** An error in the standard envelope: {@code data} is {@code {}}. */
    public static Map<String, Object> assertErrorEnvelope(TestHttp.Reply reply, int status, String code) {
        Map<String, Object> envelope = assertStandardEnvelope(reply, status, code);
        assertEquals(Map.of(), envelope.get("data"), reply.body());
        return envelope;
    }

    private static Map<String, Object> assertJsonWithStatus(TestHttp.Reply reply, int status) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/json"), "content type " + reply.contentType());
        Map<String, Object> envelope = reply.envelope();
        assertEquals(status, ((Number) envelope.get("status")).intValue(), reply.body());
        assertTrue(!reply.body().contains("Exception") && !reply.body().contains("\tat "), reply.body());
        return envelope;
    }

    public static Map<String, Object> assertTokenErrorEnvelope(TestHttp.Reply reply, int status, String code) {
        Map<String, Object> envelope = assertJsonWithStatus(reply, status);
        assertEquals(Set.of("status", "code", "result", "data", "token"), envelope.keySet(), reply.body());
        assertEquals(code, envelope.get("code"), reply.body());
        assertEquals("", envelope.get("token"), reply.body());
        assertEquals(Map.of(), envelope.get("data"), reply.body());
        return envelope;
    }

    public static Map<String, Object> assertAvailabilityErrorEnvelope(TestHttp.Reply reply, int status, String code) {
        Map<String, Object> envelope = assertJsonWithStatus(reply, status);
        assertEquals(Set.of("status", "code", "info", "result"), envelope.keySet(), reply.body());
        assertEquals(code, envelope.get("code"), reply.body());
        assertEquals(Boolean.FALSE, envelope.get("result"), reply.body());
        return envelope;
    }
}
