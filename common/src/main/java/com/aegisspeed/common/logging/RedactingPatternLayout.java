package com.aegisspeed.common.logging;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** The plain-text log line ({@code AEGIS_LOG_FORMAT=plain}, bin/run's default), masked as {@link Redaction} says. */
public class RedactingPatternLayout extends PatternLayout {

    @Override
    public String doLayout(ILoggingEvent event) {
        return Redaction.apply(super.doLayout(event));
    }
}
