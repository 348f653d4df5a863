package com.aegisspeed.user;

import com.aegisspeed.testsupport.EnvelopeAssertions;
import com.aegisspeed.testsupport.TestHttp;
import com.aegisspeed.testsupport.TestHttpClients;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A burst that keeps every pooled connection busy past the connection timeout, while the database answers, is
 * refused 429 {@code 00001} with {@code Retry-After} in the endpoint's own envelope, not answered as a fault
 * (500): the client should repeat it, and the gateway's circuit breaker must not count it. The connections are
 * held here by the test itself, on a pool of two.
 */
class DatabaseBusyTest {

    private static final String PATH = "/verify/verify_is_user_id_available";
    private static UserServiceHarness harness;

    @BeforeAll
    static void start() {
        harness = UserServiceHarness.start(Map.of(
                "datasources.default.maximum-pool-size", 2,
                "datasources.default.minimum-idle", 2,
                "datasources.default.connection-timeout", 250));
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void aPoolBusyForTheWholeTimeoutAnswers429WithRetryAfterAndServesAgainOnceFree() throws Exception {
        DataSource pool = DelegatingDataSource.unwrapDataSource(harness.service.context().getBean(DataSource.class));
        String body = "{\"user_id\":\"" + harness.newUserFields().get("user_id") + "\"}";
        List<Connection> held = new ArrayList<>();
        try {
            held.add(pool.getConnection());
            held.add(pool.getConnection());

            HttpResponse<String> refused = TestHttpClients.shared().send(HttpRequest.newBuilder(harness.http().uri(PATH))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(429, refused.statusCode(), refused.body());
            assertTrue(refused.headers().firstValueAsLong("Retry-After").orElse(0) >= 1, refused.headers().toString());
            EnvelopeAssertions.assertAvailabilityErrorEnvelope(
                    harness.http().postJson(PATH, body), 429, "00001");
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        TestHttp.Reply served = harness.http().postJson(PATH, body);
        assertEquals(200, served.status(), served.body());
        assertEquals("10000", served.envelope().get("code"), served.body());
    }
}
