package com.aegisspeed.testsupport;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.util.HashMap;
import java.util.Map;

/**
 * The service whose module the test runs in, started whole (every bean, its own configuration and
 * migrations) on a random port, against the database the given properties name.
 */
public final class RunningService implements AutoCloseable {

    private final EmbeddedServer server;
    private final TestHttp http;

    private RunningService(EmbeddedServer server) {
        this.server = server;
        this.http = new TestHttp(server.getURI());
    }

    public static RunningService start(Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put("micronaut.server.port", -1);
        return new RunningService(ApplicationContext.run(EmbeddedServer.class, all, "test"));
    }

    public TestHttp http() {
        return http;
    }

    public ApplicationContext context() {
        return server.getApplicationContext();
    }

    public String name() {
        return context().getRequiredProperty("micronaut.application.name", String.class);
    }

    /** Stops the service as SIGTERM would; closing a stopped service does nothing. */
    @Override
    public void close() {
        if (server.getApplicationContext().isRunning()) {
            server.getApplicationContext().close();
        }
    }
}
