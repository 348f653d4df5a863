package com.aegisspeed.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * k8s/monitoring renders, scrapes every service's management port, and carries a dashboard per service, one for
 * the gateway and the alerts with their runbooks. (That the metrics they name exist is system-tests'
 * ObservabilityTest: it reads each running service's /prometheus.)
 */
class MonitoringTest {

    private static final Rendered MONITORING = Kustomize.fromEnvironment().render(Repository.deploy().resolve("k8s/monitoring"));

    @ParameterizedTest
    @EnumSource(Overlay.class)
    @SuppressWarnings("unchecked")
    void theServiceMonitorScrapesPrometheusOnTheManagementPortOfEveryServiceObject(Overlay overlay) {
        Map<String, Object> spec = (Map<String, Object>) MONITORING.get("ServiceMonitor", "aegisspeed").get("spec");
        List<Map<String, Object>> endpoints = (List<Map<String, Object>>) spec.get("endpoints");
        assertEquals(1, endpoints.size());
        assertEquals("management", endpoints.get(0).get("port"));
        assertEquals("/prometheus", endpoints.get(0).get("path"));
        List<Map<String, Object>> expressions = (List<Map<String, Object>>)
                ((Map<String, Object>) spec.get("selector")).get("matchExpressions");
        assertEquals(List.of(Map.of("key", "app.kubernetes.io/name", "operator", "In", "values",
                Set.of(AegisService.values()).stream().map(service -> service.module).sorted().toList())),
                expressions.stream().map(expression -> Map.of("key", expression.get("key"), "operator",
                        expression.get("operator"), "values",
                        ((List<String>) expression.get("values")).stream().sorted().toList())).toList());

        assertEquals("app.kubernetes.io/name", spec.get("jobLabel"), "the dashboards select job=\"<module>\"");

        List<Map<String, Object>> services = new java.util.ArrayList<>(overlay.render().ofKind("Service"));
        services.addAll(MONITORING.ofKind("Service"));
        for (AegisService service : AegisService.values()) {
            boolean scraped = services.stream().anyMatch(object -> {
                Map<String, Object> labels = (Map<String, Object>) ((Map<String, Object>) object.get("metadata")).get("labels");
                Map<String, Object> objectSpec = (Map<String, Object>) object.get("spec");
                List<Map<String, Object>> ports = (List<Map<String, Object>>) objectSpec.get("ports");
                return labels != null && service.module.equals(labels.get("app.kubernetes.io/name"))
                        && Map.of("app.kubernetes.io/name", service.module).equals(objectSpec.get("selector"))
                        && ports.stream().anyMatch(port -> "management".equals(port.get("name"))
                                && "management".equals(port.get("targetPort")));
            });
            assertTrue(scraped, service.module + ": a Service labelled with its name exposes its pods' management port");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void grafanaLoadsADashboardPerServiceAndOneForTheGateway() {
        Map<String, Object> configMap = MONITORING.get("ConfigMap", "aegis-dashboards");
        Map<String, Object> labels = (Map<String, Object>) ((Map<String, Object>) configMap.get("metadata")).get("labels");
        assertEquals("1", labels.get("grafana_dashboard"));
        Set<String> files = ((Map<String, Object>) configMap.get("data")).keySet();
        assertEquals(Set.of(AegisService.values()).stream().map(service -> service.module + ".json")
                .collect(Collectors.toSet()), files);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyAlertHasASeverityARunbookAndTheAlertsTheIssueAskedFor() {
        Map<String, Object> rule = MONITORING.get("PrometheusRule", "aegisspeed");
        Set<String> alerts = new TreeSet<>();
        for (Object group : (List<Object>) ((Map<String, Object>) rule.get("spec")).get("groups")) {
            for (Object entry : (List<Object>) ((Map<String, Object>) group).get("rules")) {
                Map<String, Object> alert = (Map<String, Object>) entry;
                String name = alert.get("alert").toString();
                alerts.add(name);
                Map<String, Object> annotations = (Map<String, Object>) alert.get("annotations");
                assertTrue(annotations.get("summary") != null, name);
                assertTrue(annotations.get("runbook") != null && annotations.get("runbook").toString().length() > 80, name);
                assertTrue(Set.of("page", "warning").contains(((Map<String, Object>) alert.get("labels")).get("severity")), name);
                assertTrue(Repository.read(Repository.deploy().resolve("README.md")).contains("`" + name + "`"),
                        name + " is explained in deploy/README.md");
            }
        }
        assertTrue(alerts.containsAll(Set.of("AegisGateway5xxRateHigh", "AegisService5xxRateHigh",
                "AegisGatewayP99OverTarget", "AegisServiceNotReady", "AegisDatabasePoolSaturated",
                "AegisCircuitBreakerOpen", "AegisLoginLockoutSpike")), alerts.toString());
    }
}
