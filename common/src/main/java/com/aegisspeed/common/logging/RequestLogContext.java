package com.aegisspeed.common.logging;

import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.core.propagation.PropagatedContextElement;

import java.util.Optional;

/**
 * The request id and route of the request being served, carried in Micronaut's propagated context to whichever
 * thread serves it; the log layouts read it when a line is written. Unlike a logging MDC, nothing is copied into
 * thread-local maps each time the context moves to a thread, which requests do many times each.
 *
 * @param requestId the gateway's {@code X-Request-Id}, or null
 * @param route     the matched route's name, or null
 */
public record RequestLogContext(String requestId, String route) implements PropagatedContextElement {

    /** The request this thread works for now, if any. */
    public static Optional<RequestLogContext> current() {
        return PropagatedContext.find().flatMap(context -> context.find(RequestLogContext.class));
    }

    /** A field of the current request by its log name ({@link LogFields#REQUEST_ID}, {@link LogFields#ROUTE}). */
    static String currentField(String name) {
        return current().map(context -> switch (name) {
            case LogFields.REQUEST_ID -> context.requestId();
            case LogFields.ROUTE -> context.route();
            default -> null;
        }).orElse(null);
    }
}
