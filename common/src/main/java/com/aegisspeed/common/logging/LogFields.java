package com.aegisspeed.common.logging;

import java.util.regex.Pattern;

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

    private static final Pattern WELL_FORMED_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private LogFields() {
    }

    /** Whether a request id from a header may go into a log line or span: the gateway's own form, nothing longer. */
    public static boolean wellFormedRequestId(String id) {
        return id != null && WELL_FORMED_REQUEST_ID.matcher(id).matches();
    }
}
