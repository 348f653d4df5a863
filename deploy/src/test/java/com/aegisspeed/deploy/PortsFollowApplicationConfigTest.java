package com.aegisspeed.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The port each service listens on (its application.yml default, {@code ${AEGIS_PORT:808x}}) is the one the
 * manifests give it, expose and point the other services at; its management port
 * ({@code ${AEGIS_MANAGEMENT_PORT:908x}}) is the one probed and scraped, and the gateway asks for readiness.
 */
class PortsFollowApplicationConfigTest {

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void containerListensOnTheApplicationPort(Overlay overlay) {
        Rendered rendered = overlay.render();
        for (AegisService service : AegisService.values()) {
            int port = service.applicationPort();
            Rendered.Workload workload = rendered.workload(service.module);
            Map<String, Object> container = workload.container(service.module);
            List<Map<String, Object>> ports = Yamls.list(container, "ports");
            assertEquals(2, ports.size(), service.module + " declares the public and the management port");
            assertEquals(port, workload.resolvePort("http").orElseThrow(), service.module + " http containerPort");
            assertEquals(service.managementPort(), workload.resolvePort("management").orElseThrow(),
                    service.module + " management containerPort");

            Rendered.EnvValue aegisPort = rendered.environment(container).get("AEGIS_PORT");
            assertInstanceOf(Rendered.EnvValue.FromConfigMap.class, aegisPort, service.module + " AEGIS_PORT");
            assertEquals(String.valueOf(port), ((Rendered.EnvValue.FromConfigMap) aegisPort).value(),
                    service.module + " AEGIS_PORT");

            Rendered.EnvValue managementPort = rendered.environment(container).get("AEGIS_MANAGEMENT_PORT");
            assertInstanceOf(Rendered.EnvValue.FromConfigMap.class, managementPort, service.module + " AEGIS_MANAGEMENT_PORT");
            assertEquals(String.valueOf(service.managementPort()),
                    ((Rendered.EnvValue.FromConfigMap) managementPort).value(), service.module + " AEGIS_MANAGEMENT_PORT");
            Rendered.EnvValue managementHost = rendered.environment(container).get("AEGIS_MANAGEMENT_HOST");
            assertInstanceOf(Rendered.EnvValue.FromConfigMap.class, managementHost, service.module + " AEGIS_MANAGEMENT_HOST");
            assertEquals("0.0.0.0", ((Rendered.EnvValue.FromConfigMap) managementHost).value(),
                    service.module + ": the kubelet and Prometheus reach the management port from outside the pod");

            assertEquals(String.valueOf(service.managementPort()),
                    Yamls.string(workload.object(), "spec", "template", "metadata", "annotations", "prometheus.io/port"),
                    service.module + " Prometheus scrapes the management port");
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyServicePortNamesItsApplicationProtocol(Overlay overlay) {
        // Meshes and L7 load balancers read it instead of guessing from the port's name.
        for (Map<String, Object> k8sService : overlay.render().ofKind("Service")) {
            for (Map<String, Object> port : Yamls.list(k8sService, "spec", "ports")) {
                assertTrue(port.get("appProtocol") instanceof String protocol && !protocol.isBlank(),
                        Rendered.nameOf(k8sService) + " port " + port.get("name") + " has no appProtocol");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void serviceObjectExposesTheApplicationPortOfItsPods(Overlay overlay) {
        Rendered rendered = overlay.render();
        for (AegisService service : AegisService.values()) {
            int port = service.applicationPort();
            Map<String, Object> k8sService = rendered.get("Service", service.module);
            Rendered.Workload workload = rendered.workload(service.module);
            Map<String, Object> selector = Yamls.map(k8sService, "spec", "selector");
            assertTrue(!selector.isEmpty() && workload.podLabels().entrySet().containsAll(selector.entrySet()),
                    service.module + " Service selects its pods: " + selector);
            List<Map<String, Object>> ports = Yamls.list(k8sService, "spec", "ports");
            // The gateway's own management port stays off its Service, the one the Ingress names.
            assertEquals(service == AegisService.GATEWAY ? 1 : 2, ports.size(), service.module + " Service ports");
            assertEquals(port, ports.get(0).get("port"), service.module + " Service port");
            ports.forEach(servicePort -> assertEquals("http", servicePort.get("appProtocol"), service.module + " appProtocol"));
            assertEquals(port, workload.resolvePort(ports.get(0).get("targetPort")).orElseThrow(),
                    service.module + " Service targetPort");
            if (service != AegisService.GATEWAY) {
                assertEquals(service.managementPort(), ports.get(1).get("port"), service.module + " Service management port");
                assertEquals(service.managementPort(), workload.resolvePort(ports.get(1).get("targetPort")).orElseThrow(),
                        service.module + " Service management targetPort");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyServiceFindsTheOthersThroughTheirServiceObjects(Overlay overlay) {
        Rendered rendered = overlay.render();
        for (AegisService caller : AegisService.values()) {
            Map<String, Rendered.EnvValue> environment =
                    rendered.environment(rendered.workload(caller.module).container(caller.module));
            for (AegisService callee : AegisService.values()) {
                if (caller == AegisService.GATEWAY) {
                    callee.managementUrlVariable().ifPresent(variable -> {
                        Rendered.EnvValue url = environment.get(variable);
                        assertInstanceOf(Rendered.EnvValue.FromConfigMap.class, url, "gateway " + variable);
                        assertEquals("http://" + callee.module + ":" + callee.managementPort(),
                                ((Rendered.EnvValue.FromConfigMap) url).value(), "gateway " + variable);
                    });
                }
                callee.urlVariable().ifPresent(variable -> {
                    Rendered.EnvValue url = environment.get(variable);
                    assertInstanceOf(Rendered.EnvValue.FromConfigMap.class, url, caller.module + " " + variable);
                    String expected = "http://" + callee.module + ":" + callee.applicationPort();
                    assertEquals(expected, ((Rendered.EnvValue.FromConfigMap) url).value(), caller.module + " " + variable);
                    rendered.get("Service", callee.module);
                });
            }
        }
    }
}
