package com.aegisspeed.user;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.aegisspeed.testsupport.FreshSchema;
import com.aegisspeed.testsupport.MariaDbServer;
import com.aegisspeed.testsupport.TestHttp;
import com.aegisspeed.user.bootstrap.FirstSuperAdmin;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first super-admin (docs/api-auth-user.md): created from {@code aegis.bootstrap-admin.*} at a start that finds
 * none; without a password one is generated and logged exactly once; later starts leave it alone.
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
    void withoutAPasswordOneIsGeneratedAndLoggedOnlyAtTheFirstStart() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(FirstSuperAdmin.class);
        logger.addAppender(log);
        log.start();
        try (FreshSchema schema = MariaDbServer.fromEnvironment().createFreshSchema()) {
            String generated;
            try (UserServiceHarness first = UserServiceHarness.onSchema(schema, with("aegis.bootstrap-admin.password", ""))) {
                List<ILoggingEvent> created = log.list.stream()
                        .filter(e -> e.getFormattedMessage().contains("generated password")).toList();
                assertEquals(1, created.size(), log.list.toString());
                generated = (String) created.get(0).getArgumentArray()[1];
                assertTrue(generated.length() >= 20, "generated password too short");
                assertEquals(200, credentials(first, generated).status());
            }
            try (UserServiceHarness second = UserServiceHarness.onSchema(schema, with("aegis.bootstrap-admin.password", ""))) {
                assertEquals(1, log.list.stream().filter(e -> e.getFormattedMessage().contains("generated password")).count());
                assertEquals(200, credentials(second, generated).status());
            }
        } finally {
            logger.detachAppender(log);
        }
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
