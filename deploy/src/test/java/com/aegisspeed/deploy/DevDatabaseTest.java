package com.aegisspeed.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The dev overlay's database: one MySQL 8 StatefulSet on a PersistentVolumeClaim, and an init script that
 * creates, for every service, the schema and user that service's generated Secret names, with the password
 * that Secret holds.
 */
class DevDatabaseTest {

    private static final String MYSQL = "aegis-mysql";
    private static final String INIT_DIRECTORY = "/docker-entrypoint-initdb.d";

    @Test
    void oneMySql8OnAPersistentVolume() {
        Rendered rendered = Overlay.DEV.render();
        Rendered.Workload mysql = rendered.workload(MYSQL);
        assertEquals("StatefulSet", mysql.kind());
        assertEquals(1, Yamls.at(mysql.object(), "spec", "replicas"));
        assertTrue(String.valueOf(mysql.container("mysql").get("image")).startsWith("docker.io/library/mysql:8"));
        List<Map<String, Object>> claims = Yamls.list(mysql.object(), "spec", "volumeClaimTemplates");
        assertEquals(1, claims.size());
        String claim = Yamls.string(claims.get(0), "metadata", "name");
        assertTrue(Yamls.string(claims.get(0), "spec", "resources", "requests", "storage") != null);
        assertTrue(Yamls.list(mysql.container("mysql"), "volumeMounts").stream()
                .anyMatch(m -> claim.equals(m.get("name")) && "/var/lib/mysql".equals(m.get("mountPath"))),
                "the data directory is on the claim");
        Map<String, Object> service = rendered.get("Service", MYSQL);
        assertEquals(3306, Yamls.list(service, "spec", "ports").get(0).get("port"));
        assertEquals(MYSQL, Yamls.string(mysql.object(), "spec", "serviceName"));
    }

    @Test
    void everyServiceDatabaseSecretPointsAtItsOwnSchemaOnTheDevMySql() {
        Rendered rendered = Overlay.DEV.render();
        Set<String> schemas = new HashSet<>();
        for (AegisService service : AegisService.values()) {
            URI url = jdbcUrl(rendered, service);
            assertEquals("mysql", url.getScheme(), service.module);
            assertEquals(MYSQL, url.getHost(), service.module);
            assertEquals(3306, url.getPort(), service.module);
            assertTrue(schemas.add(schema(url)), service.module + " shares schema " + schema(url));
        }
    }

    @Test
    void initScriptCreatesEachServicesSchemaAndUserWithThePasswordOfItsSecret() throws Exception {
        Rendered rendered = Overlay.DEV.render();
        Rendered.Workload mysql = rendered.workload(MYSQL);
        Map<String, Rendered.EnvValue> environment = rendered.environment(mysql.container("mysql"));
        String script = initScript(rendered, mysql);
        for (AegisService service : AegisService.values()) {
            String passwordVariable = "AEGIS_" + service.shortName.toUpperCase() + "_DB_PASSWORD";
            Rendered.EnvValue password = environment.get(passwordVariable);
            assertTrue(password instanceof Rendered.EnvValue.FromSecret fromSecret
                            && fromSecret.secret().startsWith(service.databaseSecret() + "-")
                            && fromSecret.key().equals("password") && !fromSecret.optional(),
                    passwordVariable + " comes from " + service.databaseSecret() + ": " + password);
            String migrationPasswordVariable = "AEGIS_" + service.shortName.toUpperCase() + "_DB_MIGRATION_PASSWORD";
            Rendered.EnvValue migrationPassword = environment.get(migrationPasswordVariable);
            assertTrue(migrationPassword instanceof Rendered.EnvValue.FromSecret fromSecret
                            && fromSecret.secret().startsWith(service.databaseSecret() + "-")
                            && fromSecret.key().equals("migration-password") && !fromSecret.optional(),
                    migrationPasswordVariable + " comes from " + service.databaseSecret() + ": " + migrationPassword);
            assertEquals(secretValue(rendered, service, "username") + "_migrate",
                    secretValue(rendered, service, "migration-username"), service.module + " migration user");
            String expectedCall = "create_schema " + schema(jdbcUrl(rendered, service)) + " "
                    + secretValue(rendered, service, "username") + " \"$" + passwordVariable + "\" \"$"
                    + migrationPasswordVariable + "\"";
            assertTrue(script.lines().anyMatch(expectedCall::equals), "init-schemas.sh lacks: " + expectedCall);
        }
    }

    @Test
    void initScriptSqlQuotesPasswordsSafely() throws Exception {
        Rendered rendered = Overlay.DEV.render();
        String script = initScript(rendered, rendered.workload(MYSQL));
        // The mysql image sources the script with docker_process_sql defined; here it prints the SQL instead.
        String shim = "docker_process_sql() { echo \"-- $*\"; cat; }\n";
        ProcessBuilder bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", shim + script).redirectErrorStream(true);
        for (AegisService service : AegisService.values()) {
            bash.environment().put("AEGIS_" + service.shortName.toUpperCase() + "_DB_PASSWORD", "it's-" + service.shortName);
            bash.environment().put("AEGIS_" + service.shortName.toUpperCase() + "_DB_MIGRATION_PASSWORD",
                    "it's-migrating-" + service.shortName);
        }
        Process process = bash.start();
        String sql = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), sql);
        for (AegisService service : AegisService.values()) {
            String schema = schema(jdbcUrl(rendered, service));
            String user = secretValue(rendered, service, "username");
            assertTrue(sql.contains("CREATE DATABASE IF NOT EXISTS `" + schema + "` CHARACTER SET utf8mb4;"), sql);
            assertTrue(sql.contains("CREATE USER IF NOT EXISTS '" + user + "'@'%' IDENTIFIED BY 'it''s-"
                    + service.shortName + "';"), sql);
            // The service's own user reads and writes rows; only the migration user may change the schema.
            assertTrue(sql.contains("GRANT SELECT, INSERT, UPDATE, DELETE ON `" + schema + "`.* TO '" + user + "'@'%';"), sql);
            assertTrue(sql.contains("CREATE USER IF NOT EXISTS '" + user + "_migrate'@'%' IDENTIFIED BY 'it''s-migrating-"
                    + service.shortName + "';"), sql);
            assertTrue(sql.contains("GRANT ALL PRIVILEGES ON `" + schema + "`.* TO '" + user + "_migrate'@'%';"), sql);
        }
        assertFalse(sql.contains("GRANT ALL PRIVILEGES ON *.*"), "no user gets every schema");
    }

    @Test
    void mySqlProbesPutNoPasswordOnAnyCommandLine() {
        Rendered rendered = Overlay.DEV.render();
        Map<String, Object> container = rendered.workload(MYSQL).container("mysql");
        Set<String> secretVariables = new HashSet<>();
        rendered.environment(container).forEach((name, value) -> {
            if (value instanceof Rendered.EnvValue.FromSecret) {
                secretVariables.add(name);
            }
        });
        assertTrue(secretVariables.contains("MYSQL_ROOT_PASSWORD"), "the container knows the root password");
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            List<String> command = Yamls.strings(container, probe, "exec", "command");
            assertFalse(command.isEmpty(), probe + " runs a command");
            // A shell's script is split into its words too: `sh -c "mysql -p$X"` shows the value in ps.
            for (String word : String.join(" ", command).split("[\\s\"']+")) {
                assertFalse(word.startsWith("-p") || word.startsWith("--password"), probe + " passes a password: " + command);
                secretVariables.forEach(variable -> assertFalse(word.contains("$" + variable) || word.contains("${" + variable),
                        probe + " expands " + variable + " into its command: " + command));
            }
            // Over TCP: the entrypoint's first-start server, which runs init-schemas.sh, listens on no port.
            assertTrue(command.contains("127.0.0.1"), probe + " connects over TCP: " + command);
        }
    }

    private static String initScript(Rendered rendered, Rendered.Workload mysql) {
        Map<String, Object> mount = Yamls.list(mysql.container("mysql"), "volumeMounts").stream()
                .filter(m -> INIT_DIRECTORY.equals(m.get("mountPath"))).findFirst()
                .orElseThrow(() -> new AssertionError("nothing mounted at " + INIT_DIRECTORY));
        String configMap = Yamls.list(mysql.podSpec(), "volumes").stream()
                .filter(v -> mount.get("name").equals(v.get("name"))).map(v -> Yamls.string(v, "configMap", "name"))
                .findFirst().orElseThrow();
        Map<String, Object> scripts = rendered.configMapData(configMap).orElseThrow();
        assertEquals(Set.of("init-schemas.sh"), scripts.keySet());
        return String.valueOf(scripts.get("init-schemas.sh"));
    }

    private static URI jdbcUrl(Rendered rendered, AegisService service) {
        String url = secretValue(rendered, service, "url");
        assertTrue(url.startsWith("jdbc:"), service.module + " url " + url);
        return URI.create(url.substring("jdbc:".length()));
    }

    private static String schema(URI url) {
        return url.getPath().substring(1);
    }

    private static String secretValue(Rendered rendered, AegisService service, String key) {
        Map<String, Object> secret = rendered.ofKind("Secret").stream()
                .filter(s -> Rendered.nameOf(s).startsWith(service.databaseSecret() + "-")).findFirst()
                .orElseThrow(() -> new AssertionError("dev generates no " + service.databaseSecret()));
        return new String(Base64.getMimeDecoder().decode(Yamls.string(secret, "data", key)), StandardCharsets.UTF_8);
    }
}
