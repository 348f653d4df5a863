package com.aegisspeed.auth;

import com.aegisspeed.common.identity.IdNumbers;
import com.aegisspeed.common.internal.InternalConfiguration;
import com.aegisspeed.testsupport.AdjustableClock;
import com.aegisspeed.testsupport.FreshSchema;
import com.aegisspeed.testsupport.RunningService;
import com.aegisspeed.testsupport.TestHttp;
import com.aegisspeed.testsupport.TestHttpClients;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.json.JsonMapper;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.ParseException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * auth-service started whole on a fresh MariaDB schema with a signing key of the test's own and an adjustable
 * clock (set to a whole second), talking to the real user-service; and the calls the tests make.
 */
final class AuthHarness implements AutoCloseable {

    final RunningService service;
    /** The key the harness configured; a test passing {@code aegis.jwt.signing-keys} itself uses its own instead. */
    final ECKey signingKey;
    final AdjustableClock clock;
    private static final JsonMapper JSON = JsonMapper.createDefault();
    private final HttpClient client = TestHttpClients.shared();
    private final AtomicInteger sequence = new AtomicInteger(ThreadLocalRandom.current().nextInt(1, 80_000_000));

    private AuthHarness(RunningService service, ECKey signingKey) {
        this.service = service;
        this.signingKey = signingKey;
        this.clock = service.context().getBean(AdjustableClock.class);
        clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    static AuthHarness start(RealUserService.Running users, Map<String, Object> extra) {
        ECKey key = newKey();
        Map<String, Object> properties = properties(users, key);
        properties.putAll(extra);
        return new AuthHarness(RunningService.onFreshSchema(properties), key);
    }

    static AuthHarness start(RealUserService.Running users) {
        return start(users, Map.of());
    }

    /** On the local default instead: embedded H2 (MySQL mode) in {@code dataDir}, as {@code bin/run} runs it. */
    static AuthHarness onEmbeddedH2(RealUserService.Running users, Path dataDir) {
        ECKey key = newKey();
        Map<String, Object> properties = properties(users, key);
        properties.put("aegis.data-dir", dataDir.toString());
        return new AuthHarness(RunningService.start(properties), key);
    }

    /** On a schema the test manages, e.g. one several replicas share, with the given key. */
    static AuthHarness onSchema(RealUserService.Running users, FreshSchema schema, ECKey key) {
        Map<String, Object> properties = properties(users, key);
        properties.putAll(schema.serviceProperties());
        return new AuthHarness(RunningService.start(properties), key);
    }

    static Map<String, Object> properties(RealUserService.Running users, ECKey key) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.http.services.user.url", users.uri().toString());
        properties.put("aegis.internal.secret", users.internalSecret());
        properties.put("aegis.jwt.signing-keys", new JWKSet(key).toString(false));
        properties.put("aegis.test.adjustable-clock", "true");
        return properties;
    }

    static ECKey newKey() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    TestHttp http() {
        return service.http();
    }

    /** Registration fields, valid and (with high probability) unused in the shared user-service. */
    Map<String, Object> newUserFields() {
        int n = sequence.incrementAndGet();
        String born = LocalDate.of(1950, 1, 1).plusDays(n % 20_000).format(DateTimeFormatter.BASIC_ISO_DATE);
        String first17 = "440305" + born + "%03d".formatted((n / 20_000) % 1000);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("user_id", first17 + IdNumbers.checkCharacter(first17));
        fields.put("user_name", "李四");
        fields.put("user_phone_number", "136%08d".formatted(n));
        fields.put("user_email", "u" + n + "@example.com");
        fields.put("user_password", "Strong-Pass-" + n);
        return fields;
    }

    TestHttp.Reply register(Map<String, Object> fields) {
        return http().postJson("/user/register/register_user_info", json(fields));
    }

    /** Registers a new user and answers its fields, with the token under {@code token}. */
    Map<String, Object> registeredUser() {
        Map<String, Object> fields = newUserFields();
        TestHttp.Reply reply = register(fields);
        assertEquals(200, reply.status(), reply.body());
        fields.put("token", reply.envelope().get("token"));
        return fields;
    }

    TestHttp.Reply login(Object idNumber, Object password) {
        return http().postJson("/user/login/login_user_info",
                json(Map.of("user_id", idNumber, "user_password", password)));
    }

    /** An answer with its {@code Retry-After} header, which {@link TestHttp.Reply} does not keep. */
    record Answer(TestHttp.Reply reply, Optional<String> retryAfter) {
        int status() {
            return reply.status();
        }
    }

    /** A login the gateway forwarded for {@code forwardedFor} (its {@code X-Forwarded-For} header). */
    Answer loginFrom(String forwardedFor, Object idNumber, Object password) {
        return postFrom(forwardedFor, "/user/login/login_user_info", json(Map.of("user_id", idNumber, "user_password", password)));
    }

    Answer postFrom(String forwardedFor, String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(http().uri(path))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .timeout(Duration.ofSeconds(30))
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(new TestHttp.Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), JSON), response.headers().firstValue("Retry-After"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    TestHttp.Reply adminLogin(Object aegisSpeedId, Object password) {
        return http().postJson("/user/login/login_admin_info_by_aegisspeed_id",
                json(Map.of("user_AegisSpeed_id", aegisSpeedId, "user_password", password)));
    }

    /** Logs the bootstrap super-admin in; answers its token. */
    String adminToken() {
        TestHttp.Reply reply = login(RealUserService.ADMIN_ID_NUMBER, RealUserService.ADMIN_PASSWORD);
        assertEquals(200, reply.status(), reply.body());
        return (String) reply.envelope().get("token");
    }

    TestHttp.Reply post(String path, String token, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http().uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http().send(request);
    }

    TestHttp.Reply logout(String token) {
        return post("/user/login/logout", token, "{}");
    }

    TestHttp.Reply internal(String method, String path, String json) {
        return http().send(HttpRequest.newBuilder(http().uri(path))
                .header(InternalConfiguration.HEADER, service.context().getRequiredProperty("aegis.internal.secret", String.class))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    static JWTClaimsSet claimsOf(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet();
        } catch (ParseException e) {
            throw new AssertionError("not a signed JWT: " + token, e);
        }
    }

    /** Rows of a query on auth-service's own schema, each as column values in order. */
    List<List<Object>> query(String sql) throws SQLException {
        DataSource dataSource = DelegatingDataSource.unwrapDataSource(service.context().getBean(DataSource.class));
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<List<Object>> result = new ArrayList<>();
            while (rows.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    row.add(rows.getObject(i));
                }
                result.add(row);
            }
            return result;
        }
    }

    static String json(Map<String, Object> fields) {
        return TestHttp.json(fields);
    }

    @Override
    public void close() {
        service.close();
    }
}
