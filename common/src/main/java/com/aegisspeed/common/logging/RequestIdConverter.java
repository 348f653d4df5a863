package com.aegisspeed.common.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %requestId} in the plain-text pattern: the id of the request the line was logged for, or nothing. */
public class RequestIdConverter extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        String id = LogFields.field(event, LogFields.REQUEST_ID);
        return id == null ? "" : id;
    }
}
