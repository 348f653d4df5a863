package com.aegisspeed.common.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;

import java.time.Instant;
import java.util.Map;

/**
 * One JSON object per log event, on one line ({@code AEGIS_LOG_FORMAT=json}, the container images' default):
 * time, level, service, logger, thread, message, the request's trace id, span id, request id and route where the
 * event happened while serving one, and the error with its stack trace. Messages and errors are masked as
 * {@link Redaction} says. Written by hand: a log line must not depend on the JSON library the service uses.
 */
public class JsonLineLayout extends LayoutBase<ILoggingEvent> {

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(256);
        line.append('{');
        field(line, "time", Instant.ofEpochMilli(event.getTimeStamp()).toString(), true);
        field(line, "level", event.getLevel().toString(), false);
        Map<String, String> properties = event.getLoggerContextVO() == null
                ? Map.of() : event.getLoggerContextVO().getPropertyMap();
        field(line, LogFields.SERVICE, properties.get(LogFields.SERVICE), false);
        field(line, "logger", event.getLoggerName(), false);
        field(line, "thread", event.getThreadName(), false);
        field(line, "message", Redaction.apply(event.getFormattedMessage()), false);
        Map<String, String> mdc = event.getMDCPropertyMap();
        String traceId = mdc.get(LogFields.TRACE_ID);
        String spanId = mdc.get(LogFields.SPAN_ID);
        if (traceId == null) {
            String[] current = TraceIds.current();
            if (current != null) {
                traceId = current[0];
                spanId = current[1];
            }
        }
        field(line, LogFields.TRACE_ID, traceId, false);
        field(line, LogFields.SPAN_ID, spanId, false);
        field(line, LogFields.REQUEST_ID, LogFields.field(event, LogFields.REQUEST_ID), false);
        field(line, LogFields.ROUTE, LogFields.field(event, LogFields.ROUTE), false);
        IThrowableProxy error = event.getThrowableProxy();
        if (error != null) {
            field(line, "error", Redaction.apply(ThrowableProxyUtil.asString(error)), false);
        }
        line.append('}').append(CoreConstants.LINE_SEPARATOR);
        return line.toString();
    }

    @Override
    public String getContentType() {
        return "application/json";
    }

    private static void field(StringBuilder line, String name, String value, boolean first) {
        if (value == null) {
            return;
        }
        if (!first) {
            line.append(',');
        }
        quoted(line, name);
        line.append(':');
        quoted(line, value);
    }

    private static void quoted(StringBuilder line, String text) {
        line.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> line.append("\\\"");
                case '\\' -> line.append("\\\\");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        line.append(String.format("\\u%04x", (int) c));
                    } else {
                        line.append(c);
                    }
                }
            }
        }
        line.append('"');
    }
}
