package com.aegisspeed.user;

import com.aegisspeed.common.identity.IdNumbers;
import com.aegisspeed.common.identity.Role;
import com.aegisspeed.common.internal.InternalConfiguration;
import com.aegisspeed.testsupport.FreshSchema;
import com.aegisspeed.testsupport.RunningService;
import com.aegisspeed.testsupport.TestAuthority;
import com.aegisspeed.testsupport.TestHttp;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * user-service started whole on a fresh MariaDB schema, with a {@link TestAuthority} standing in for
 * auth-service (keys, revocation feed, admin secrets, revoke-tokens), and the calls the tests make.
 */
final class UserServiceHarness implements AutoCloseable {

    static final String ADMIN_PASSWORD = "Bootstrap-Admin-Pass-1";
    static final String ADMIN_ID_NUMBER = "110105199001010010";

    final TestAuthority authority;
    final RunningService service;
    private final AtomicInteger sequence = new AtomicInteger(ThreadLocalRandom.current().nextInt(1, 9_000));

    private UserServiceHarness(TestAuthority authority, RunningService service) {
        this.authority = authority;
        this.service = service;
    }

    static UserServiceHarness start(Map<String, Object> extra) {
        TestAuthority authority = TestAuthority.start();
        try {
            Map<String, Object> properties = new HashMap<>(authority.properties());
            properties.put("aegis.bootstrap-admin.password", ADMIN_PASSWORD);
            properties.putAll(extra);
            return new UserServiceHarness(authority, RunningService.onFreshSchema(properties));
        } catch (RuntimeException e) {
            authority.close();
            throw e;
        }
    }

    /** On a schema the test manages (e.g. on a private MariaDB it stops), kept when the service stops. */
    static UserServiceHarness onSchema(FreshSchema schema, Map<String, Object> extra) {
        TestAuthority authority = TestAuthority.start();
        try {
            Map<String, Object> properties = new HashMap<>(authority.properties());
            properties.putAll(schema.serviceProperties());
            properties.putAll(extra);
            return new UserServiceHarness(authority, RunningService.start(properties));
        } catch (RuntimeException e) {
            authority.close();
            throw e;
        }
    }

    static UserServiceHarness start() {
        return start(Map.of());
    }

    /** On the local default instead: embedded H2 (MySQL mode) in {@code dataDir}, as {@code bin/run} runs it. */
    static UserServiceHarness startOnEmbeddedH2(Path dataDir) {
        TestAuthority authority = TestAuthority.start();
        try {
            Map<String, Object> properties = new HashMap<>(authority.properties());
            properties.put("aegis.bootstrap-admin.password", ADMIN_PASSWORD);
            properties.put("aegis.data-dir", dataDir.toString());
            return new UserServiceHarness(authority, RunningService.start(properties));
        } catch (RuntimeException e) {
            authority.close();
            throw e;
        }
    }

    TestHttp http() {
        return service.http();
    }

    /** A registration's fields, unique within this harness, all valid. */
    Map<String, Object> newUserFields() {
        int n = sequence.incrementAndGet();
        String born = LocalDate.of(1960, 1, 1).plusDays(n).format(DateTimeFormatter.BASIC_ISO_DATE);
        String first17 = "310104" + born + "%03d".formatted(n % 1000);
        Map<String, Object> fields = new HashMap<>();
        fields.put("user_id", first17 + IdNumbers.checkCharacter(first17));
        fields.put("user_name", "张三");
        fields.put("user_phone_number", "137%08d".formatted(n));
        fields.put("user_email", "user" + n + "@example.com");
        fields.put("user_password", "correct-horse-" + n);
        return fields;
    }

    TestHttp.Reply internal(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http().uri(path))
                .header(InternalConfiguration.HEADER, authority.internalSecret())
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http().send(request);
    }

    /** Creates a user through the internal API as auth-service does; answers its InternalUser. */
    Map<String, Object> createUser(Map<String, Object> fields) {
        TestHttp.Reply reply = internal("POST", "/internal/users", json(fields));
        assertEquals(200, reply.status(), reply.body());
        return reply.data();
    }

    Map<String, Object> createUser() {
        return createUser(newUserFields());
    }

    Map<String, Object> bootstrapAdmin() {
        TestHttp.Reply reply = internal("GET", "/internal/users/by-id-number/" + ADMIN_ID_NUMBER, null);
        assertEquals(200, reply.status(), reply.body());
        return reply.data();
    }

    /** A valid token of the user as auth-service would issue it. */
    String tokenOf(Map<String, Object> user) {
        Role role = Role.fromLabel((String) user.get("user_role")).orElseThrow();
        return authority.tokenFor((String) user.get("public_id"), (String) user.get("user_AegisSpeed_id"), role);
    }

    TestHttp.Reply get(String path, String token, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http().uri(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http().send(request);
    }

    TestHttp.Reply post(String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http().uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http().send(request);
    }

    static String json(Map<String, Object> fields) {
        return TestHttp.json(fields);
    }

    /** Polls until {@code condition} yields the expected value (an asynchronous effect such as a polled revocation). */
    static <T> void await(T expected, Supplier<T> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        T last = condition.get();
        while (!expected.equals(last) && System.nanoTime() < deadline) {
            pause();
            last = condition.get();
        }
        assertEquals(expected, last, "within 5 s");
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        service.close();
        authority.close();
    }
}
