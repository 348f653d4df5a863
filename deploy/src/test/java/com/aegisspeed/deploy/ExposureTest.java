package com.aegisspeed.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Only the gateway's public API is reachable from outside: one Ingress, to the gateway's http port, routing
 * only the prefixes of the client routes (never {@code /}, so probes, metrics, OpenAPI and the operator paths
 * stay inside); no Ingress in dev; every Service cluster-internal.
 */
class ExposureTest {

    /** The prefixes of every client route of the gateway's route table: what the Ingress routes, and only that. */
    static final Set<String> PUBLIC_PREFIXES = Set.of("/test/", "/verify/", "/user/", "/machine/", "/anticheat/");
    /** Operator routes (endpoint flags) and the console: reached by port-forward or an operator's own Ingress. */
    private static final String OPERATOR_PREFIX = "/admin/";
    private static final String NGINX = "nginx.ingress.kubernetes.io/";

    @ParameterizedTest
    @EnumSource(value = Overlay.class, names = {"BASE", "PROD"})
    void onlyTheGatewaysPublicPrefixesHaveAnIngress(Overlay overlay) {
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
            Set<String> paths = new TreeSet<>();
            for (Map<String, Object> path : Yamls.list(rule, "http", "paths")) {
                paths.add(Yamls.string(path, "path"));
                assertEquals("Prefix", path.get("pathType"), "path " + path.get("path"));
                Map<String, Object> backend = Yamls.map(path, "backend", "service");
                assertEquals("gateway", backend.get("name"));
                Object port = Yamls.at(backend, "port", "name") != null
                        ? servicePortNumber(rendered, Yamls.string(backend, "port", "name"))
                        : Yamls.at(backend, "port", "number");
                assertEquals(AegisService.GATEWAY.applicationPort(), port, "Ingress backend port");
                assertEquals(AegisService.GATEWAY.applicationPort(), gateway.resolvePort(port).orElseThrow());
            }
            assertEquals(new TreeSet<>(PUBLIC_PREFIXES), paths, "the Ingress routes exactly the public prefixes");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Overlay.class, names = {"BASE", "PROD"})
    void theIngressNamesItsControllerAndBoundsBodiesTimeAndRateAtTheEdge(Overlay overlay) {
        Map<String, Object> ingress = overlay.render().get("Ingress", "gateway");
        assertEquals("nginx", Yamls.string(ingress, "spec", "ingressClassName"),
                "an explicit class, not whichever controller is the cluster default");
        Map<String, Object> annotations = Yamls.map(ingress, "metadata", "annotations");
        Map<String, Object> defaults = new Yaml().load(Repository.read(
                Repository.root().resolve("common/src/main/resources/aegis-defaults.yml")));
        long servicesBodyLimit = ((Number) Yamls.at(defaults, "micronaut", "server", "max-request-size")).longValue();
        assertEquals(servicesBodyLimit, Quantity.bytes(String.valueOf(annotations.get(NGINX + "proxy-body-size"))
                        .replace("k", "Ki").replace("m", "Mi")),
                "the controller refuses what the services would refuse, before buffering it");

        Map<String, Object> gateway = new Yaml().load(Repository.read(
                Repository.root().resolve("gateway/src/main/resources/application.yml")));
        int upstreamRead = seconds(Yamls.string(gateway, "aegis", "gateway", "upstream", "read-timeout"));
        int upstreamConnect = seconds(Yamls.string(gateway, "aegis", "gateway", "upstream", "connect-timeout"));
        int readTimeout = Integer.parseInt(String.valueOf(annotations.get(NGINX + "proxy-read-timeout")));
        int sendTimeout = Integer.parseInt(String.valueOf(annotations.get(NGINX + "proxy-send-timeout")));
        int connectTimeout = Integer.parseInt(String.valueOf(annotations.get(NGINX + "proxy-connect-timeout")));
        // The gateway answers (its documented 503 at worst) before the controller gives up on it.
        assertTrue(readTimeout > upstreamConnect + upstreamRead, "proxy-read-timeout " + readTimeout);
        assertTrue(sendTimeout > upstreamConnect + upstreamRead, "proxy-send-timeout " + sendTimeout);
        assertTrue(connectTimeout >= 1 && connectTimeout < readTimeout, "proxy-connect-timeout " + connectTimeout);

        int rate = Integer.parseInt(String.valueOf(annotations.get(NGINX + "limit-rps")));
        assertTrue(rate > 0, "an edge rate limit per client address: " + rate);
    }

    @Test
    void thePublicPrefixesCoverEveryClientRouteOfTheGatewayAndNoOperatorRoute() {
        Map<String, Object> config = new Yaml().load(Repository.read(
                Repository.root().resolve("gateway/src/main/resources/application.yml")));
        Map<String, Object> routes = Yamls.map(config, "aegis", "gateway", "routes");
        assertFalse(routes.isEmpty(), "the gateway's route table");
        for (Object route : routes.values()) {
            String path = Yamls.string(route, "path");
            boolean operator = path.startsWith(OPERATOR_PREFIX);
            assertEquals(!operator, PUBLIC_PREFIXES.stream().anyMatch(path::startsWith), path);
        }
    }

    @Test
    void devHasNoIngress() {
        assertEquals(List.of(), Overlay.DEV.render().ofKind("Ingress"), "dev is reached by port-forward only");
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void noIngressNamesAManagementPort(Overlay overlay) {
        Rendered rendered = overlay.render();
        for (Map<String, Object> ingress : rendered.ofKind("Ingress")) {
            for (Map<String, Object> rule : Yamls.list(ingress, "spec", "rules")) {
                for (Map<String, Object> path : Yamls.list(rule, "http", "paths")) {
                    Object port = Yamls.at(path, "backend", "service", "port", "name");
                    assertEquals("http", port, "Ingress path " + path.get("path"));
                }
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

    /** A "5s" or "1s" duration of the services' configuration (the only unit they use here): its seconds. */
    private static int seconds(String duration) {
        assertTrue(duration != null && duration.matches("\\$\\{[A-Z_]+:\\d+s}"), "duration form: " + duration);
        return Integer.parseInt(duration.replaceAll(".*:(\\d+)s}", "$1"));
    }

    private static Object servicePortNumber(Rendered rendered, String portName) {
        return Yamls.list(rendered.get("Service", "gateway"), "spec", "ports").stream()
                .filter(port -> portName.equals(port.get("name"))).map(port -> port.get("port")).findFirst()
                .orElseThrow(() -> new AssertionError("Service gateway has no port named " + portName));
    }
}
