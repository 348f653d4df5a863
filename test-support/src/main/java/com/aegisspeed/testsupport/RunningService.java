package com.aegisspeed.testsupport;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.BeanRegistration;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.server.EmbeddedServer;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The service whose module the test runs in, started whole (every bean, its own configuration and
 * migrations) on a random port, with its management port (probes, metrics, OpenAPI) on another free one,
 * against the database the given properties name.
 */
public final class RunningService implements AutoCloseable {

    private final EmbeddedServer server;
    private final TestHttp http;
    private final TestHttp managementHttp;
    /** The schema created for this service alone, dropped when it closes. */
    @Nullable
    private final FreshSchema ownSchema;

    private RunningService(EmbeddedServer server, @Nullable FreshSchema ownSchema) {
        this.server = server;
        this.http = new TestHttp(server.getURI());
        int managementPort = server.getApplicationContext().getRequiredProperty("aegis.management.port", Integer.class);
        this.managementHttp = new TestHttp(URI.create("http://127.0.0.1:" + managementPort));
        this.ownSchema = ownSchema;
    }

    public static RunningService start(Map<String, Object> properties) {
        return launch(properties, null);
    }

    /** Starts the service on a fresh schema of the shared test MariaDB, with {@code extra} properties. */
    public static RunningService onFreshSchema(Map<String, Object> extra) {
        FreshSchema schema = MariaDbServer.fromEnvironment().createFreshSchema();
        try {
            Map<String, Object> properties = new HashMap<>(schema.serviceProperties());
            properties.putAll(extra);
            return launch(properties, schema);
        } catch (RuntimeException e) {
            schema.close();
            throw e;
        }
    }

    private static RunningService launch(Map<String, Object> properties, @Nullable FreshSchema ownSchema) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put("micronaut.server.port", -1);
        all.putIfAbsent("aegis.management.port", ServiceProcess.freePort());
        ApplicationContext context = ApplicationContext.builder(all).environments("test").build();
        try {
            context.start();
            EmbeddedServer server = context.getBean(EmbeddedServer.class);
            server.start();
            return new RunningService(server, ownSchema);
        } catch (RuntimeException e) {
            destroyWhatWasMade(context, e);
            throw e;
        }
    }

    /**
     * Micronaut does not stop a context whose start failed (a test of bad configuration), so the pools and
     * threads of the beans made before the failure would run on: destroy each of them.
     */
    private static void destroyWhatWasMade(ApplicationContext context, RuntimeException failure) {
        if (context.isRunning()) {
            context.close();
            return;
        }
        List<BeanRegistration<Object>> made = new ArrayList<>(context.getActiveBeanRegistrations(Object.class));
        Collections.reverse(made);
        for (BeanRegistration<Object> registration : made) {
            try {
                context.destroyBean(registration);
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
    }

    public TestHttp http() {
        return http;
    }

    /** The management port: probes, {@code /prometheus}, {@code /openapi/**}. */
    public TestHttp managementHttp() {
        return managementHttp;
    }

    public ApplicationContext context() {
        return server.getApplicationContext();
    }

    public String name() {
        return context().getRequiredProperty("micronaut.application.name", String.class);
    }

    /** Stops the service as SIGTERM would, then drops its own schema; closing again does nothing. */
    @Override
    public void close() {
        if (server.getApplicationContext().isRunning()) {
            server.getApplicationContext().close();
            if (ownSchema != null) {
                ownSchema.close();
            }
        }
    }
}
