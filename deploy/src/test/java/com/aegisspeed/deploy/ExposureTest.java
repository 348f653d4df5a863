package com.aegisspeed.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Only the gateway is reachable from outside: one Ingress, to the gateway; every Service cluster-internal. */
class ExposureTest {

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void onlyTheGatewayHasAnIngress(Overlay overlay) {
        Rendered rendered = overlay.render();
        List<Map<String, Object>> ingresses = rendered.ofKind("Ingress");
        assertEquals(List.of("gateway"), ingresses.stream().map(Rendered::nameOf).toList());
        Map<String, Object> ingress = ingresses.get(0);
        assertFalse(Yamls.map(ingress, "spec").containsKey("defaultBackend"));
        List<Map<String, Object>> rules = Yamls.list(ingress, "spec", "rules");
        assertFalse(rules.isEmpty());
        Rendered.Workload gateway = rendered.workload(AegisService.GATEWAY.module);
        for (Map<String, Object> rule : rules) {
            assertTrue(Yamls.string(rule, "host") != null, "every rule names its host");
            for (Map<String, Object> path : Yamls.list(rule, "http", "paths")) {
                Map<String, Object> backend = Yamls.map(path, "backend", "service");
                assertEquals("gateway", backend.get("name"));
                Object port = Yamls.at(backend, "port", "name") != null
                        ? servicePortNumber(rendered, Yamls.string(backend, "port", "name"))
                        : Yamls.at(backend, "port", "number");
                assertEquals(AegisService.GATEWAY.applicationPort(), port, "Ingress backend port");
                assertEquals(AegisService.GATEWAY.applicationPort(), gateway.resolvePort(port).orElseThrow());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyServiceIsClusterInternal(Overlay overlay) {
        for (Map<String, Object> service : overlay.render().ofKind("Service")) {
            String type = (String) Yamls.map(service, "spec").getOrDefault("type", "ClusterIP");
            assertEquals("ClusterIP", type, Rendered.nameOf(service));
            assertFalse(Yamls.map(service, "spec").containsKey("externalIPs"), Rendered.nameOf(service));
        }
    }

    private static Object servicePortNumber(Rendered rendered, String portName) {
        return Yamls.list(rendered.get("Service", "gateway"), "spec", "ports").stream()
                .filter(port -> portName.equals(port.get("name"))).map(port -> port.get("port")).findFirst()
                .orElseThrow(() -> new AssertionError("Service gateway has no port named " + portName));
    }
}
