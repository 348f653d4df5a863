package com.aegisspeed.system;

import com.aegisspeed.testsupport.EnvelopeAssertions;
import com.aegisspeed.testsupport.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The five images shipped for real: built from deploy/docker with Podman, started as the manifests start them
 * (non-root, read-only root filesystem, tmpfs /tmp, memory limit) and used only through the gateway's container,
 * then stopped with SIGTERM as the kubelet stops them. Prints each image's size and each container's time to ready.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImagesTest {

    private static ContainerSuite suite;
    private static Clients clients;

    @BeforeAll
    static void buildAndStart() {
        suite = ContainerSuite.start();
        clients = new Clients(suite.gateway());
        suite.images().values().forEach(image -> System.out.printf("image %-18s %4d MB, built in %5.1f s%n",
                image.module(), image.sizeMb(), image.buildMillis() / 1000.0));
        suite.containers().values().forEach(container -> System.out.printf("container %-18s ready %5.1f s after podman run%n",
                container.module(), container.readyMillis() / 1000.0));
    }

    @AfterAll
    static void remove() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    @Order(1)
    void everyContainerRunsAsTheManifestsRunIt() {
        for (ContainerSuite.Container container : suite.containers().values()) {
            assertEquals("10001:10001", suite.inspect(container.name(), "{{.Config.User}}"), container.module() + " user");
            assertEquals("true", suite.inspect(container.name(), "{{.HostConfig.ReadonlyRootfs}}"), container.module() + " read-only");
            assertEquals(String.valueOf(512L * 1024 * 1024), suite.inspect(container.name(), "{{.HostConfig.Memory}}"),
                    container.module() + " memory limit");
            // The JVM started from the ahead-of-time cache trained when the image was built.
            assertTrue(suite.inspect(container.name(), "{{.Config.Env}}").contains("-XX:AOTCache=/app/app.aot"),
                    container.module() + " JAVA_OPTS");
        }
    }

    @Test
    @Order(2)
    void aPlayerRegistersLogsInBindsAMachineReportsAChecksAndLogsOutThroughTheGatewayContainer() {
        Clients.Person player = Clients.Person.fresh();
        TestHttp.Reply registered = clients.register(player);
        assertEquals(200, registered.status(), registered.body());
        assertEquals("10000", registered.envelope().get("code"), registered.body());
        String token = clients.login(player.idNumber(), player.password()).envelope().get("token").toString();
        assertEquals(player.name(), clients.get("/user/info/get_user_info", token).data().get("user_name"));

        String machine = Clients.machineCode();
        EnvelopeAssertions.assertStandardEnvelope(clients.bindMachine(token, player.idNumber(), machine), 200, "10000");
        EnvelopeAssertions.assertStandardEnvelope(
                clients.reportCheck(token, "LAUNCH-" + UUID.randomUUID(), machine, "Passed"), 200, "10000");
        List<?> logs = (List<?>) clients.get("/user/info/get_user_check_info", token).data().get("check_logs");
        assertEquals(1, logs.size(), "the reported check is kept");

        EnvelopeAssertions.assertStandardEnvelope(clients.post("/user/login/logout", token, "{}"), 200, "10000");
        EnvelopeAssertions.assertErrorEnvelope(clients.get("/user/info/get_user_info", token), 401, "10001");
    }

    @Test
    @Order(3)
    void anOperatorClosesAnEndpointAndReopensItThroughTheGatewayContainer() {
        String[] operator = clients.operatorSession();
        String path = "/verify/verify_client_version_number";
        assertEquals(200, clients.gateway().get(path).status());
        EnvelopeAssertions.assertStandardEnvelope(clients.adminPost("/admin/endpoints/close", operator[0], operator[1],
                "{\"endpoint_path\":\"" + path + "\"}"), 200, "10000");
        EnvelopeAssertions.assertErrorEnvelope(clients.gateway().get(path), 403, "00000");
        EnvelopeAssertions.assertStandardEnvelope(clients.adminPost("/admin/endpoints/open", operator[0], operator[1],
                "{\"endpoint_path\":\"" + path + "\"}"), 200, "10000");
        assertEquals(200, clients.gateway().get(path).status());
    }

    @Test
    @Order(4)
    void everyContainerStopsGracefullyOnSigtermWithinItsGracePeriod() {
        // The gateway first, as a rollout drains it before the services behind it.
        for (String module : List.of("gateway", "anticheat-service", "machine-service", "auth-service", "user-service")) {
            ContainerSuite.Container container = suite.containers().get(module);
            Duration took = suite.stop(container.name());
            assertTrue(took.compareTo(ContainerSuite.GRACE) < 0, module + " stopped in " + took + ", past its grace period");
            // 143: the JVM ended on SIGTERM after its shutdown hooks; 137 would mean it was killed.
            assertEquals("143", suite.inspect(container.name(), "{{.State.ExitCode}}"), module + " exit code");
            String log = suite.logs(container.name());
            assertTrue(log.contains("Embedded Application shutting down"), module + " shut down gracefully:\n" + log);
            // The images log JSON lines (AEGIS_LOG_FORMAT=json).
            assertTrue(log.lines().allMatch(line -> line.startsWith("{")), module + " logs JSON lines only:\n" + log);
            assertTrue(!log.contains("\"level\":\"ERROR\""), module + " logged no error:\n" + log);
            System.out.printf("container %-18s stopped %4.1f s after SIGTERM%n", module, took.toMillis() / 1000.0);
        }
    }
}
