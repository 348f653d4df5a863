package com.aegisspeed.common.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.aegisspeed.common.http.Base64Url;

/** The names of the per-request fields every log line carries (MDC keys and JSON field names alike). */
public final class LogFields {

    public static final String REQUEST_ID = "request_id";
    public static final String ROUTE = "route";
    public static final String TRACE_ID = "trace_id";
    public static final String SPAN_ID = "span_id";
    /** The logger context property naming the service (micronaut.application.name), logback.xml defines it. */
    public static final String SERVICE = "service";
    /** The request attribute holding the gateway's X-Request-Id for the request. */
    public static final String REQUEST_ID_ATTRIBUTE = "aegis.request-id";
    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    private static final int LONGEST_REQUEST_ID = 64;

    private LogFields() {
    }

    /**
     * A per-request field of a log line ({@link #REQUEST_ID}, {@link #ROUTE}): as the event's MDC names it, else as
     * the request being served on the logging thread has it ({@link RequestLogContext}).
     */
    static String field(ILoggingEvent event, String name) {
        String value = event.getMDCPropertyMap().get(name);
        return value != null ? value : RequestLogContext.currentField(name);
    }

    /**
     * Whether a request id from a header may go into a log line or span: the gateway's own form ({@code [A-Za-z0-9._-]},
     * 1 to 64 characters), nothing longer. Checked by hand: it runs on every request.
     */
    public static boolean wellFormedRequestId(String id) {
        if (id == null || id.isEmpty() || id.length() > LONGEST_REQUEST_ID) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!Base64Url.isAlphabet(c) && c != '.') {
                return false;
            }
        }
        return true;
    }
}
