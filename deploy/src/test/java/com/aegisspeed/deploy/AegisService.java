package com.aegisspeed.deploy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * The five services as deploy/ names them: the Maven module (also the Deployment, Service and image name),
 * the short name of its ConfigMap and database Secret ({@code aegis-<short>}, {@code aegis-<short>-db}),
 * and the variable other services find it by (docs/internal-api.md).
 */
enum AegisService {
    GATEWAY("gateway", "gateway", null),
    AUTH("auth-service", "auth", "AEGIS_AUTH_URL"),
    USER("user-service", "user", "AEGIS_USER_URL"),
    MACHINE("machine-service", "machine", "AEGIS_MACHINE_URL"),
    ANTICHEAT("anticheat-service", "anticheat", "AEGIS_ANTICHEAT_URL");

    private static final Pattern PORT_DEFAULT = Pattern.compile("\\$\\{AEGIS_PORT:(\\d+)}");
    private static final Pattern MANAGEMENT_PORT_DEFAULT = Pattern.compile("\\$\\{AEGIS_MANAGEMENT_PORT:(\\d+)}");

    final String module;
    final String shortName;
    private final String urlVariable;

    AegisService(String module, String shortName, String urlVariable) {
        this.module = module;
        this.shortName = shortName;
        this.urlVariable = urlVariable;
    }

    Optional<String> urlVariable() {
        return Optional.ofNullable(urlVariable);
    }

    String databaseSecret() {
        return "aegis-" + shortName + "-db";
    }

    /** The jar {@code mvn package} produces for the module (shaded, main class in the manifest). */
    String jarPath() {
        return module + "/target/" + module + "-0.1.0-SNAPSHOT.jar";
    }

    /** The port the service listens on by default: {@code micronaut.server.port: ${AEGIS_PORT:808x}}. */
    int applicationPort() {
        Path applicationYml = Repository.root().resolve(module).resolve("src/main/resources/application.yml");
        Map<String, Object> config = new Yaml().load(Repository.read(applicationYml));
        Object port = Yamls.at(config, "micronaut", "server", "port");
        Matcher matcher = PORT_DEFAULT.matcher(String.valueOf(port));
        if (port == null || !matcher.matches()) {
            throw new AssertionError(applicationYml + ": micronaut.server.port is " + port
                    + ", expected ${AEGIS_PORT:<default>} (the manifests set AEGIS_PORT)");
        }
        return Integer.parseInt(matcher.group(1));
    }

    /**
     * The port probes, {@code /prometheus} and {@code /openapi/*} answer on, and nothing else:
     * {@code aegis.management.port: ${AEGIS_MANAGEMENT_PORT:908x}}.
     */
    int managementPort() {
        Path applicationYml = Repository.root().resolve(module).resolve("src/main/resources/application.yml");
        Map<String, Object> config = new Yaml().load(Repository.read(applicationYml));
        Object port = config.get("aegis.management.port");
        Matcher matcher = MANAGEMENT_PORT_DEFAULT.matcher(String.valueOf(port));
        if (port == null || !matcher.matches()) {
            throw new AssertionError(applicationYml + ": aegis.management.port is " + port
                    + ", expected ${AEGIS_MANAGEMENT_PORT:<default>} (the manifests set AEGIS_MANAGEMENT_PORT)");
        }
        return Integer.parseInt(matcher.group(1));
    }

    /** The variable the gateway finds this service's management port by, e.g. {@code AEGIS_AUTH_MANAGEMENT_URL}. */
    Optional<String> managementUrlVariable() {
        return urlVariable().map(variable -> variable.replace("_URL", "_MANAGEMENT_URL"));
    }

    static Optional<AegisService> byModule(String module) {
        for (AegisService service : values()) {
            if (service.module.equals(module)) {
                return Optional.of(service);
            }
        }
        return Optional.empty();
    }
}
