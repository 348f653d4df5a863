package com.aegisspeed.common.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogLayoutsTest {

    private static final String ID_NUMBER = "11010519491231002X";
    private static final String PHONE = "13912345678";
    private static final String EMAIL = "player.one@example.com";
    private static final String JWT = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJBU0QwMDAwMDEifQ.c2lnbmF0dXJlLWJ5dGVz";

    private final LoggerContext context = new LoggerContext();
    private final Logger logger = context.getLogger("com.aegisspeed.example");

    LogLayoutsTest() {
        context.putProperty(LogFields.SERVICE, "auth-service");
    }

    @Test
    void aJsonLineIsOneObjectNamingServiceRequestRouteAndTrace() throws IOException {
        LoggingEvent event = event(Map.of(LogFields.REQUEST_ID, "req-1", LogFields.ROUTE, "/anticheat/admin/mark_cheater",
                        LogFields.TRACE_ID, "4bf92f3577b34da6a3ce929d0e0e4736", LogFields.SPAN_ID, "00f067aa0ba902b7"),
                "User {} marked \"cheater\"\nby {}", null, "ASD000002", "ASD000001");

        String line = new JsonLineLayout().doLayout(event);

        assertTrue(line.endsWith("\n") && line.indexOf('\n') == line.length() - 1, "one line: " + line);
        Map<String, Object> json = parse(line);
        assertEquals("INFO", json.get("level"));
        assertEquals("auth-service", json.get("service"));
        assertEquals("com.aegisspeed.example", json.get("logger"));
        assertEquals("User ASD000002 marked \"cheater\"\nby ASD000001", json.get("message"));
        assertEquals("req-1", json.get("request_id"));
        assertEquals("/anticheat/admin/mark_cheater", json.get("route"));
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", json.get("trace_id"));
        assertEquals("00f067aa0ba902b7", json.get("span_id"));
        assertTrue(json.get("time").toString().endsWith("Z"));
    }

    @Test
    void idNumbersPhonesEmailsAndTokensAreMaskedInJsonMessagesAndErrors() throws IOException {
        IllegalStateException error = new IllegalStateException(
                "Duplicate entry '" + ID_NUMBER + "' for key; phone " + PHONE + " mail " + EMAIL);
        LoggingEvent event = event(Map.of(), "Login of {} with Bearer {} and token {}", error, ID_NUMBER, "opaque-token-value", JWT);

        String line = new JsonLineLayout().doLayout(event);

        for (String value : new String[] {ID_NUMBER, PHONE, EMAIL, JWT, "opaque-token-value"}) {
            assertFalse(line.contains(value), value + " in " + line);
        }
        Map<String, Object> json = parse(line);
        assertEquals("Login of [id-number] with Bearer [token] and token [token]", json.get("message"));
        assertTrue(json.get("error").toString().contains("Duplicate entry '[id-number]' for key; phone [phone] mail [email]"),
                json.get("error").toString());
    }

    @Test
    void plainTextLinesAreMaskedTheSameWay() {
        RedactingPatternLayout layout = new RedactingPatternLayout();
        layout.setContext(context);
        layout.setPattern("%level %X{request_id:-} - %msg%n");
        layout.start();
        LoggingEvent event = event(Map.of(LogFields.REQUEST_ID, "req-2"), "Registered {} phone {} mail {}", null,
                ID_NUMBER, PHONE, EMAIL);

        assertEquals("INFO req-2 - Registered [id-number] phone [phone] mail [email]\n", layout.doLayout(event));
    }

    @Test
    void aLineLoggedWhileARequestIsServedNamesItsIdAndRouteInBothFormats() throws IOException {
        RedactingPatternLayout plain = new RedactingPatternLayout();
        plain.setContext(context);
        plain.setPattern("%level %requestId - %msg%n");
        plain.getInstanceConverterMap().put("requestId", RequestIdConverter::new);
        plain.start();
        RequestLogContext request = new RequestLogContext("req-3", "/user/info/get_user_info");
        String json;
        String text;
        try (PropagatedContext.Scope ignored = PropagatedContext.getOrEmpty().plus(request).propagate()) {
            json = new JsonLineLayout().doLayout(event(Map.of(), "Served", null));
            text = plain.doLayout(event(Map.of(), "Served", null));
        }
        assertEquals("req-3", parse(json).get("request_id"));
        assertEquals("/user/info/get_user_info", parse(json).get("route"));
        assertEquals("INFO req-3 - Served\n", text);
        Map<String, Object> outside = parse(new JsonLineLayout().doLayout(event(Map.of(), "Idle", null)));
        assertFalse(outside.containsKey("request_id"), "no request is served here: " + outside);
        assertEquals("INFO  - Idle\n", plain.doLayout(event(Map.of(), "Idle", null)));
    }

    @Test
    void numbersThatOnlyContainAnIdNumberOrPhoneShapeAreKept() {
        LoggingEvent event = event(Map.of(), "Deleted {} check logs; launch {} ; trace {}", null,
                "12", "LAUNCH-139123456780000", "4bf92f3577b34da6a3ce929d0e0e4736");

        String line = new JsonLineLayout().doLayout(event);

        assertTrue(line.contains("Deleted 12 check logs; launch LAUNCH-139123456780000 ; trace 4bf92f3577b34da6a3ce929d0e0e4736"),
                line);
    }

    private LoggingEvent event(Map<String, String> mdc, String message, Throwable error, Object... arguments) {
        LoggingEvent event = new LoggingEvent(LogLayoutsTest.class.getName(), logger, Level.INFO, message, error, arguments);
        event.setMDCPropertyMap(mdc);
        return event;
    }

    private static Map<String, Object> parse(String line) throws IOException {
        return JsonMapper.createDefault().readValue(line, Argument.mapOf(String.class, Object.class));
    }
}
