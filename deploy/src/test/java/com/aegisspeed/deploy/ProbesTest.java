package com.aegisspeed.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every service container: startup and liveness probes on /health/liveness, readiness on /health/readiness,
 * all on the service's management port (the only port they answer on). Other containers (dev MySQL) have all
 * three probes too.
 */
class ProbesTest {

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void serviceProbesUseTheHealthPathsOnTheManagementPort(Overlay overlay) {
        Rendered rendered = overlay.render();
        for (AegisService service : AegisService.values()) {
            Rendered.Workload workload = rendered.workload(service.module);
            Map<String, Object> container = workload.container(service.module);
            assertProbe(workload, container, "startupProbe", "/health/liveness", service.managementPort());
            assertProbe(workload, container, "livenessProbe", "/health/liveness", service.managementPort());
            assertProbe(workload, container, "readinessProbe", "/health/readiness", service.managementPort());
            // The readiness endpoint answers within about 2 s while the database is down: a shorter timeout
            // would turn "DOWN" into a probe timeout.
            Object readinessTimeout = Yamls.at(container, "readinessProbe", "timeoutSeconds");
            assertTrue(readinessTimeout instanceof Integer seconds && seconds >= 3,
                    service.module + " readiness timeoutSeconds " + readinessTimeout);
            // A database failover of up to 30 s leaves the services in their Services (answering their documented
            // errors meanwhile); the gateway's readiness does not ask its database at all.
            if (service != AegisService.GATEWAY) {
                int period = (Integer) Yamls.at(container, "readinessProbe", "periodSeconds");
                int threshold = (Integer) Yamls.at(container, "readinessProbe", "failureThreshold");
                assertTrue(period * threshold >= 30, service.module + " rides out a 30 s database failover: "
                        + period + " s x " + threshold);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyContainerHasAllThreeProbes(Overlay overlay) {
        for (Rendered.Workload workload : overlay.render().workloads()) {
            // Init containers (the migrations) run to completion before the probes start and may not have any.
            for (Map<String, Object> container : Yamls.list(workload.podSpec(), "containers")) {
                for (String probe : new String[] {"startupProbe", "livenessProbe", "readinessProbe"}) {
                    Map<String, Object> definition = Yamls.map(container, probe);
                    assertFalse(definition.isEmpty(), workload.name() + "/" + container.get("name") + " has no " + probe);
                    assertTrue(definition.containsKey("httpGet") || definition.containsKey("exec")
                                    || definition.containsKey("tcpSocket"),
                            workload.name() + " " + probe + " has no handler: " + definition);
                }
            }
        }
    }

    private static void assertProbe(Rendered.Workload workload, Map<String, Object> container, String probe,
                                    String path, int port) {
        String where = workload.name() + " " + probe;
        Map<String, Object> httpGet = Yamls.map(container, probe, "httpGet");
        assertFalse(httpGet.isEmpty(), where + " is an HTTP GET");
        assertEquals(path, httpGet.get("path"), where + " path");
        assertNotNull(httpGet.get("port"), where + " port");
        assertEquals(port, workload.resolvePort(httpGet.get("port")).orElseThrow(
                () -> new AssertionError(where + " names unknown port " + httpGet.get("port"))), where + " port");
        Object scheme = httpGet.getOrDefault("scheme", "HTTP");
        assertEquals("HTTP", scheme, where + " scheme");
    }
}
