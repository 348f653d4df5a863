package com.aegisspeed.auth;

import com.aegisspeed.testsupport.FreshSchema;
import com.aegisspeed.testsupport.MariaDbServer;
import com.aegisspeed.testsupport.ServiceProcess;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

/**
 * The real user-service for auth-service's tests: its shaded jar (built by the reactor before this module) in
 * a JVM of its own on a fresh MariaDB schema, started once for the whole test run and shared by every test
 * class that asks for a {@link Running} parameter. Both services cannot share one JVM: one Micronaut context
 * would load both modules' beans.
 */
public class RealUserService implements ParameterResolver {

    static final String ADMIN_ID_NUMBER = "110105199001010010";
    static final String ADMIN_PASSWORD = "Bootstrap-Admin-Pass-1";

    /** The running user-service and the internal secret it expects. */
    public record Running(URI uri, String internalSecret, ServiceProcess process, FreshSchema schema) implements AutoCloseable {
        @Override
        public void close() {
            try {
                process.close();
            } finally {
                schema.close();
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Running.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(RealUserService.class))
                .getOrComputeIfAbsent(Running.class, key -> start(), Running.class);
    }

    private static Running start() {
        FreshSchema schema = MariaDbServer.fromEnvironment().createFreshSchema();
        String secret = "auth-tests-" + UUID.randomUUID();
        Map<String, String> environment = ServiceProcess.databaseEnvironment(schema);
        environment.put("AEGIS_INTERNAL_SECRET", secret);
        // Nothing in these tests makes user-service call auth-service; a closed port stands for it.
        environment.put("AEGIS_AUTH_URL", "http://127.0.0.1:" + ServiceProcess.freePort());
        environment.put("AEGIS_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // Tests log in several times at once (ConcurrentLoginFailuresTest: 4): a hash for each, none queued, so a
        // busy machine's slow hashes cannot turn their answers into user-service's 429 "busy".
        environment.put("AEGIS_PASSWORD_HASHING_THREADS", "4");
        try {
            ServiceProcess process = ServiceProcess.start("user-service", ServiceProcess.freePort(), environment);
            return new Running(process.uri(), secret, process, schema);
        } catch (RuntimeException e) {
            schema.close();
            throw e;
        }
    }
}
