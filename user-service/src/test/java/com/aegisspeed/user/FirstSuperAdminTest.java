package com.aegisspeed.user;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.aegisspeed.testsupport.CapturedLog;
import com.aegisspeed.testsupport.FreshSchema;
import com.aegisspeed.testsupport.MariaDbServer;
import com.aegisspeed.testsupport.TestHttp;
import com.aegisspeed.user.bootstrap.FirstSuperAdmin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first super-admin (docs/api-auth-user.md): created from {@code aegis.bootstrap-admin.*} at a start that finds
 * none; without a password one is generated and kept in an owner-only file, never logged; later starts leave
 * it (and the file) alone.
 */
class FirstSuperAdminTest {

    private static final String ID_NUMBER = "11010519491231002X";
    private static final Map<String, Object> ADMIN = Map.of(
            "aegis.bootstrap-admin.user-id", ID_NUMBER,
            "aegis.bootstrap-admin.user-name", "运维管理员",
            "aegis.bootstrap-admin.phone-number", "13900000001",
            "aegis.bootstrap-admin.email", "ops@example.com");

    @Test
    void theConfiguredAdminIsCreatedAsSuperAdminWithItsPassword() {
        try (UserServiceHarness harness = UserServiceHarness.start(with("aegis.bootstrap-admin.password", "Operator-Chosen-Pass"))) {
            Map<String, Object> admin = lookUp(harness);
            assertEquals("超级管理员", admin.get("user_role"));
            assertEquals("运维管理员", admin.get("user_name"));
            assertEquals("ops@example.com", admin.get("user_email"));
            assertEquals(200, credentials(harness, "Operator-Chosen-Pass").status());
        }
    }

    @Test
    void withoutAPasswordOneIsGeneratedKeptInAnOwnerOnlyFileThatSurvivesRestartsAndNeverLogged(@TempDir Path dataDir)
            throws IOException {
        Map<String, Object> generating = with("aegis.bootstrap-admin.password", "");
        generating.put("aegis.data-dir", dataDir.toString());
        Path file = dataDir.resolve("first-super-admin");
        try (CapturedLog log = CapturedLog.start();
             FreshSchema schema = MariaDbServer.fromEnvironment().createFreshSchema()) {
            Map<String, String> kept;
            try (UserServiceHarness first = UserServiceHarness.onSchema(schema, generating)) {
                kept = keptIn(file);
                assertTrue(kept.get("password").length() >= 20, "generated password too short");
                assertEquals(lookUp(first).get("user_AegisSpeed_id"), kept.get("aegisspeed_id"));
                assertEquals(200, credentials(first, kept.get("password")).status());
            }
            assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file));
            try (Stream<Path> files = Files.list(dataDir)) {
                assertEquals(List.of(file), files.filter(f -> f.getFileName().toString().startsWith("first-super-admin")).toList(),
                        "a pending password file was left behind");
            }
            try (UserServiceHarness second = UserServiceHarness.onSchema(schema, generating)) {
                assertEquals(kept, keptIn(file));
                assertEquals(200, credentials(second, kept.get("password")).status());
            }
            String password = kept.get("password");
            assertTrue(log.events().stream().anyMatch(e -> e.getFormattedMessage().contains(file.toString())),
                    "the log does not say where the password is");
            assertEquals(List.of(), log.events().stream().map(ILoggingEvent::getFormattedMessage)
                    .filter(message -> message.contains(password)).toList());
        }
    }

    private static Map<String, String> keptIn(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(line -> line.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1]));
    }

    @Test
    void anInvalidConfiguredAdminStopsTheStart() {
        Map<String, Object> invalid = new HashMap<>(with("aegis.bootstrap-admin.password", "Operator-Chosen-Pass"));
        invalid.put("aegis.bootstrap-admin.user-id", "110105194912310021");
        assertThrows(RuntimeException.class, () -> UserServiceHarness.start(invalid).close());
        invalid.put("aegis.bootstrap-admin.user-id", ID_NUMBER);
        invalid.put("aegis.bootstrap-admin.password", "password123");
        assertThrows(RuntimeException.class, () -> UserServiceHarness.start(invalid).close());
    }

    private static Map<String, Object> with(String key, String value) {
        Map<String, Object> properties = new HashMap<>(ADMIN);
        properties.put(key, value);
        return properties;
    }

    private static Map<String, Object> lookUp(UserServiceHarness harness) {
        return harness.internal("GET", "/internal/users/by-id-number/" + ID_NUMBER, null).data();
    }

    private static TestHttp.Reply credentials(UserServiceHarness harness, String password) {
        return harness.internal("POST", "/internal/users/credentials",
                "{\"user_id\":\"" + ID_NUMBER + "\",\"user_password\":\"" + password + "\"}");
    }
}
