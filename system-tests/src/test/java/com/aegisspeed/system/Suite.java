package com.aegisspeed.system;

import com.aegisspeed.testsupport.FreshSchema;
import com.aegisspeed.testsupport.MariaDbServer;
import com.aegisspeed.testsupport.ServiceProcess;
import com.aegisspeed.testsupport.TestHttp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The whole suite as it runs in production: five JVMs, each on its own fresh MariaDB schema, configured only
 * through environment variables, talking to each other over HTTP. Clients use {@link #gateway()}.
 */
final class Suite implements AutoCloseable {

    static final List<String> MODULES = List.of(
            "user-service", "auth-service", "machine-service", "anticheat-service", "gateway");
    static final String ADMIN_ID_NUMBER = "11010519491231002X";
    static final String ADMIN_PASSWORD = "Operator-Passw0rd-42";

    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Map<String, FreshSchema> schemas = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> environments = new HashMap<>();
    private final List<ServiceProcess> replicas = new ArrayList<>();
    private final Path dataDir;

    private Suite(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** Starts all five side by side, with {@code extra} environment per module, and waits until each is ready. */
    static Suite start(Map<String, Map<String, String>> extra) {
        return start(MariaDbServer.fromEnvironment(), extra);
    }

    /**
     * As {@link #start(Map)}, with every service's schema on {@code database}: e.g. a test's own
     * {@link com.aegisspeed.testsupport.PrivateMariaDb}, which it may stop and start under the running suite.
     */
    static Suite start(MariaDbServer database, Map<String, Map<String, String>> extra) {
        Suite suite;
        try {
            suite = new Suite(Files.createTempDirectory("aegis-suite"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            suite.launchAll(database, extra);
            return suite;
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
    }

    private void launchAll(MariaDbServer mariaDb, Map<String, Map<String, String>> extra) {
        Map<String, Integer> ports = new HashMap<>();
        Map<String, Integer> managementPorts = new HashMap<>();
        MODULES.forEach(module -> ports.put(module, ServiceProcess.freePort()));
        MODULES.forEach(module -> managementPorts.put(module, ServiceProcess.freePort()));
        Map<String, String> shared = sharedEnvironment(ports, managementPorts);
        shared.put("AEGIS_DATA_DIR", dataDir.toString());
        // user- and auth-service first, as a rollout would: the others fetch auth's keys as they start.
        for (List<String> wave : List.of(MODULES.subList(0, 2), MODULES.subList(2, MODULES.size()))) {
            for (String module : wave) {
                FreshSchema schema = mariaDb.createFreshSchema();
                schemas.put(module, schema);
                Map<String, String> env = new HashMap<>(shared);
                env.putAll(ServiceProcess.databaseEnvironment(schema));
                env.putAll(defaultsOf(module));
                env.put("AEGIS_MANAGEMENT_PORT", String.valueOf(managementPorts.get(module)));
                env.putAll(extra.getOrDefault(module, Map.of()));
                environments.put(module, env);
                services.put(module, ServiceProcess.launch(module, ports.get(module), env));
            }
            wave.forEach(module -> services.get(module).awaitReady());
        }
    }

    /** What every service of a suite on loopback is told: a fresh internal secret and where the others answer. */
    static Map<String, String> sharedEnvironment(Map<String, Integer> ports, Map<String, Integer> managementPorts) {
        Map<String, String> shared = new HashMap<>();
        shared.put("AEGIS_INTERNAL_SECRET", "suite-" + UUID.randomUUID());
        shared.put("AEGIS_USER_URL", "http://127.0.0.1:" + ports.get("user-service"));
        shared.put("AEGIS_AUTH_URL", "http://127.0.0.1:" + ports.get("auth-service"));
        shared.put("AEGIS_MACHINE_URL", "http://127.0.0.1:" + ports.get("machine-service"));
        shared.put("AEGIS_ANTICHEAT_URL", "http://127.0.0.1:" + ports.get("anticheat-service"));
        // The gateway asks each service's readiness on its management port.
        for (String module : MODULES) {
            if (!module.equals("gateway")) {
                String prefix = module.replace("-service", "").toUpperCase(Locale.ROOT);
                shared.put("AEGIS_" + prefix + "_MANAGEMENT_URL", "http://127.0.0.1:" + managementPorts.get(module));
            }
        }
        return shared;
    }

    /** Settings a module needs to start on its own in a test: user-service's first super-admin. */
    static Map<String, String> defaultsOf(String module) {
        return switch (module) {
            case "user-service" -> Map.of(
                    "AEGIS_BOOTSTRAP_ADMIN_USER_ID", ADMIN_ID_NUMBER,
                    "AEGIS_BOOTSTRAP_ADMIN_NAME", "运维管理员",
                    "AEGIS_BOOTSTRAP_ADMIN_PHONE", "13900000000",
                    "AEGIS_BOOTSTRAP_ADMIN_EMAIL", "operator@example.com",
                    "AEGIS_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
            // The suite's many users all come from loopback, one client address to the gateway: the per-client limits
            // on hashing and enumerating routes would throttle them together (DefaultRouteLimitsTest checks them).
            case "gateway" -> Map.of(
                    "AEGIS_LOGIN_RATE_LIMIT_PER_CLIENT", "none",
                    "AEGIS_REGISTER_RATE_LIMIT_PER_CLIENT", "none",
                    "AEGIS_AVAILABILITY_RATE_LIMIT_PER_CLIENT", "none",
                    "AEGIS_REAL_NAME_RATE_LIMIT_PER_CLIENT", "none");
            default -> Map.of();
        };
    }

    /** Another replica of {@code module}: same schema and settings, a port of its own; stopped with the suite. */
    ServiceProcess startReplica(String module) {
        // A port of its own for management too: the first replica holds the configured one.
        Map<String, String> environment = new HashMap<>(environments.get(module));
        environment.put("AEGIS_MANAGEMENT_PORT", String.valueOf(ServiceProcess.freePort()));
        ServiceProcess replica = ServiceProcess.start(module, ServiceProcess.freePort(), environment);
        replicas.add(replica);
        return replica;
    }

    TestHttp gateway() {
        return service("gateway").http();
    }

    ServiceProcess service(String module) {
        return services.get(module);
    }

    /** The schema {@code module} runs on, for tests that count what really reached the database. */
    FreshSchema schema(String module) {
        return schemas.get(module);
    }

    @Override
    public void close() {
        replicas.forEach(ServiceProcess::close);
        services.values().forEach(ServiceProcess::close);
        schemas.values().forEach(FreshSchema::close);
    }
}
