package com.aegisspeed.common.logging;

import ch.qos.logback.core.PropertyDefinerBase;

import java.util.Locale;

/**
 * Chooses logback.xml's appender from {@code AEGIS_LOG_FORMAT}: {@code json} (the container images) or
 * plain text (anything else, bin/run): an unknown value still logs rather than silencing the service.
 */
public class LogFormatDefiner extends PropertyDefinerBase {

    @Override
    public String getPropertyValue() {
        String format = System.getenv("AEGIS_LOG_FORMAT");
        return format != null && format.trim().toLowerCase(Locale.ROOT).equals("json") ? "JSON" : "PLAIN";
    }
}
