package com.aegisspeed.common.logging;

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

    private LogFields() {
    }
}
