package com.aegisspeed.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each service gets the settings the docs name, secrets only from Secrets: its own database, the internal
 * secret, auth-service's signing keys, user-service's first admin, the gateway's dev secret and (prod) Redis for every service.
 * Any secret-looking variable a service's application.yml reads must come from a Secret.
 */
class SettingsWiringTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(AEGIS_[A-Z0-9_]+)");
    private static final Pattern SECRET_LOOKING = Pattern.compile(".*_(PASSWORD|SECRET|SIGNING_KEYS|REDIS_URL|DB_URL|DB_USER)");
    private static final String BOOTSTRAP_ADMIN_SECRET = "aegis-bootstrap-admin";

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyServiceHasItsOwnDatabaseAndTheInternalSecret(Overlay overlay) {
        Rendered rendered = overlay.render();
        for (AegisService service : AegisService.values()) {
            Map<String, Rendered.EnvValue> environment = environmentOf(rendered, service);
            assertSecret(environment, service, "AEGIS_DB_URL", service.databaseSecret(), "url", false);
            assertSecret(environment, service, "AEGIS_DB_USER", service.databaseSecret(), "username", false);
            assertSecret(environment, service, "AEGIS_DB_PASSWORD", service.databaseSecret(), "password", false);
            assertSecret(environment, service, "AEGIS_INTERNAL_SECRET", "aegis-internal", "internal-secret", false);
            assertSecret(environment, service, "AEGIS_INTERNAL_SECRET_PREVIOUS", "aegis-internal", "previous-internal-secret", true);
            Rendered.EnvValue dataDir = environment.get("AEGIS_DATA_DIR");
            assertTrue(dataDir instanceof Rendered.EnvValue.FromConfigMap fromConfigMap
                    && fromConfigMap.value().startsWith("/tmp/"), service.module + " AEGIS_DATA_DIR on the /tmp emptyDir");
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void serviceSpecificSecretsReachTheirService(Overlay overlay) {
        Rendered rendered = overlay.render();
        // Optional in dev only, where auth-service may make its own key.
        assertSecret(environmentOf(rendered, AegisService.AUTH), AegisService.AUTH, "AEGIS_JWT_SIGNING_KEYS",
                "aegis-auth-jwt", "signing-keys", overlay == Overlay.DEV);
        // Unset, /test/check_server_state_dev stays closed: optional everywhere.
        assertSecret(environmentOf(rendered, AegisService.GATEWAY), AegisService.GATEWAY, "AEGIS_DEV_SECRET",
                "aegis-gateway-dev", "dev-secret", true);
        for (AegisService service : AegisService.values()) {
            Map<String, Object> container = rendered.workload(service.module).container(service.module);
            assertEquals(service == AegisService.USER, takesWhole(container, BOOTSTRAP_ADMIN_SECRET),
                    service.module + " takes the first super-admin (AEGIS_BOOTSTRAP_ADMIN_*) from " + BOOTSTRAP_ADMIN_SECRET);
        }
        // Revocations reach every replica through Redis in prod; elsewhere polling and in-memory rate limits serve.
        for (AegisService service : AegisService.values()) {
            Map<String, Rendered.EnvValue> environment = environmentOf(rendered, service);
            if (overlay == Overlay.PROD) {
                assertSecret(environment, service, "AEGIS_REDIS_URL", "aegis-redis", "url", false);
            } else {
                assertFalse(environment.containsKey("AEGIS_REDIS_URL"), service.module + ": no Redis outside prod");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void clientAddressesSurviveTheIngressAndTheGateway(Overlay overlay) {
        Rendered rendered = overlay.render();
        assertLiteralSetting(environmentOf(rendered, AegisService.GATEWAY), "AEGIS_CLIENT_ADDRESS_HEADER", "X-Real-IP");
        assertLiteralSetting(environmentOf(rendered, AegisService.GATEWAY), "AEGIS_TRUSTED_PROXIES", "10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7");
        assertLiteralSetting(environmentOf(rendered, AegisService.AUTH), "AEGIS_TRUSTED_PROXIES", "10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7");
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everySecretLookingSettingAServiceReadsComesFromASecret(Overlay overlay) throws Exception {
        Rendered rendered = overlay.render();
        for (AegisService service : AegisService.values()) {
            Map<String, Object> container = rendered.workload(service.module).container(service.module);
            Map<String, Rendered.EnvValue> environment = rendered.environment(container);
            for (String variable : variablesRead(service)) {
                if (!SECRET_LOOKING.matcher(variable).matches()) {
                    continue;
                }
                if (variable.startsWith("AEGIS_BOOTSTRAP_ADMIN_")) {
                    assertTrue(takesWhole(container, BOOTSTRAP_ADMIN_SECRET), variable);
                } else if (variable.equals("AEGIS_REDIS_URL") && overlay != Overlay.PROD) {
                    assertFalse(environment.containsKey(variable), variable);
                } else {
                    assertInstanceOf(Rendered.EnvValue.FromSecret.class, environment.get(variable),
                            service.module + " reads " + variable + " (application.yml): wire it from a Secret");
                }
            }
            environment.forEach((variable, value) -> {
                if (SECRET_LOOKING.matcher(variable).matches()) {
                    assertInstanceOf(Rendered.EnvValue.FromSecret.class, value, service.module + " " + variable);
                }
            });
        }
    }

    /** The AEGIS_* variables the service's own application*.yml files read. */
    private static Set<String> variablesRead(AegisService service) throws Exception {
        Set<String> variables = new TreeSet<>();
        Path resources = Repository.root().resolve(service.module).resolve("src/main/resources");
        try (var files = Files.list(resources)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("application.*\\.ya?ml")).toList()) {
                Matcher matcher = PLACEHOLDER.matcher(Repository.read(file));
                while (matcher.find()) {
                    variables.add(matcher.group(1));
                }
            }
        }
        return variables;
    }

    private static Map<String, Rendered.EnvValue> environmentOf(Rendered rendered, AegisService service) {
        return rendered.environment(rendered.workload(service.module).container(service.module));
    }

    private static void assertSecret(Map<String, Rendered.EnvValue> environment, AegisService service, String variable,
                                     String secret, String key, boolean optional) {
        assertEquals(new Rendered.EnvValue.FromSecret(secret, key, optional), withoutNameSuffix(environment.get(variable)),
                service.module + " " + variable);
    }

    private static void assertLiteralSetting(Map<String, Rendered.EnvValue> environment, String variable, String value) {
        Rendered.EnvValue setting = environment.get(variable);
        assertTrue(setting instanceof Rendered.EnvValue.FromConfigMap fromConfigMap && fromConfigMap.value().equals(value),
                variable + " = " + value + ", was " + setting);
    }

    private static boolean takesWhole(Map<String, Object> container, String secret) {
        return Rendered.secretsTakenWhole(container).stream().map(SettingsWiringTest::generatedName)
                .anyMatch(secret::equals);
    }

    private static Rendered.EnvValue withoutNameSuffix(Rendered.EnvValue value) {
        if (value instanceof Rendered.EnvValue.FromSecret fromSecret) {
            return new Rendered.EnvValue.FromSecret(generatedName(fromSecret.secret()), fromSecret.key(),
                    fromSecret.optional());
        }
        return value;
    }

    /** Generated Secrets (dev) carry kustomize's hash suffix: the name they were generated under. */
    private static String generatedName(String renderedName) {
        return renderedName.replaceFirst("-[a-z0-9]{10}$", "");
    }
}
