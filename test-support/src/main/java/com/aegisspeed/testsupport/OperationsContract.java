package com.aegisspeed.testsupport;

import com.aegisspeed.common.envelope.Codes;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Collections;
import java.util.Map;

import static com.aegisspeed.testsupport.EnvelopeAssertions.assertErrorEnvelope;
import static com.aegisspeed.testsupport.EnvelopeAssertions.assertStandardEnvelope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an operator and Kubernetes rely on in every service: probes in the envelope, the Prometheus
 * scrape endpoint, the OpenAPI document built with the service, all on the management port and nowhere else,
 * and no other management endpoint exposed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class OperationsContract {

    private RunningService service;
    private TestHttp http;
    private TestHttp management;

    @BeforeAll
    void startService() {
        service = RunningService.onFreshSchema(Map.of());
        http = service.http();
        management = service.managementHttp();
    }

    @AfterAll
    void stopService() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void livenessAnswersUpWithServiceName() {
        Map<String, Object> envelope = assertStandardEnvelope(management.get("/health/liveness"), 200, Codes.SUCCESS);
        assertEquals("UP", envelope.get("result"));
        assertEquals(Map.of("service", service.name()), envelope.get("data"));
    }

    /** Whether the service's readiness follows its database (the gateway's does not: it serves on cached flags). */
    protected boolean readinessNeedsDatabase() {
        return true;
    }

    @Test
    void readinessAndHealthAnswerUpWithDatabaseUp() {
        Map<String, Object> health = assertStandardEnvelope(management.get("/health"), 200, Codes.SUCCESS);
        assertEquals("UP", health.get("result"));
        assertEquals(Map.of("service", service.name(), "checks", Map.of("database", "UP")), health.get("data"));
        Map<String, Object> readiness = assertStandardEnvelope(management.get("/health/readiness"), 200, Codes.SUCCESS);
        assertEquals("UP", readiness.get("result"));
        assertEquals(Map.of("service", service.name(),
                        "checks", readinessNeedsDatabase() ? Map.of("database", "UP") : Map.of()),
                readiness.get("data"));
    }

    @Test
    void prometheusEndpointExposesJvmAndHttpMetrics() {
        http.get("/no/such/endpoint");
        TestHttp.Reply reply = management.get("/prometheus");
        assertEquals(200, reply.status());
        assertTrue(reply.contentType().startsWith("text/plain"), reply.contentType());
        assertTrue(reply.body().contains("jvm_memory_used_bytes"), "no JVM metrics");
        assertTrue(reply.body().contains("http_server_requests_seconds_count"), "no HTTP server metrics");
        assertTrue(reply.body().contains("hikaricp_connections"), "no connection pool metrics");
    }

    @Test
    void openApiDocumentIsBuiltAndServed() {
        TestHttp.Reply reply = management.get(openApiPath());
        assertEquals(200, reply.status(), "OpenAPI document of " + service.name());
        assertTrue(reply.body().contains("openapi:"), reply.body());
        assertTrue(reply.body().contains("title: " + service.name()), reply.body());
        assertFalse(reply.body().contains("/internal"), "service-to-service endpoints are not published");
    }

    @Test
    void probesMetricsAndOpenApiAreUnknownOnThePublicPort() {
        for (String path : new String[] {"/health", "/health/", "/health/liveness", "/health/readiness", "/prometheus",
                openApiPath(), "/openapi/"}) {
            assertErrorEnvelope(http.get(path), 404, Codes.NO_SUCH_ENDPOINT);
        }
    }

    @Test
    void otherManagementEndpointsAreNotExposed() {
        for (String path : new String[] {"/routes", "/beans", "/env", "/loggers", "/info", "/threaddump"}) {
            assertErrorEnvelope(http.get(path), 404, Codes.NO_SUCH_ENDPOINT);
            assertErrorEnvelope(management.get(path), 404, Codes.NO_SUCH_ENDPOINT);
        }
    }

    @Test
    void theManagementPortListensOnLoopbackOnlyUnlessToldOtherwise() throws SocketException {
        InetAddress external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(nic -> Collections.list(nic.getInetAddresses()).stream())
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .findFirst().orElse(null);
        Assumptions.assumeTrue(external != null, "this machine has no non-loopback IPv4 address");
        int publicPort = service.context().getBean(EmbeddedServer.class).getPort();
        int managementPort = service.context().getRequiredProperty("aegis.management.port", Integer.class);
        assertTrue(connects(external, publicPort), "the public port on " + external);
        assertFalse(connects(external, managementPort), "the management port on " + external);
        assertTrue(connects(InetAddress.getLoopbackAddress(), managementPort), "the management port on loopback");
    }

    private static boolean connects(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private String openApiPath() {
        return "/openapi/" + service.name() + "-0.1.yml";
    }
}
