package com.aegisspeed.common.logging;

import ch.qos.logback.classic.jul.LevelChangePropagator;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Sends java.util.logging records (the OpenTelemetry SDK's, the JDK's) through logback as logging starts, so
 * that they too are one masked line each in the service's format, not JUL's own two-line text on stderr; JUL's
 * levels follow logback's, so disabled levels cost nothing.
 */
public class JulToLogback extends LevelChangePropagator {

    @Override
    public void start() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
        super.start();
    }
}
