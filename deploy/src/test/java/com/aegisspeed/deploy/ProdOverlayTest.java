package com.aegisspeed.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * prod runs on an external database (no StatefulSet, no volume), serves the public host over TLS, spreads
 * each service's replicas over zones and nodes, and schedules them at the suite's own priority. Replicas, Redis
 * and Secrets are checked with the other overlays.
 */
class ProdOverlayTest {

    @Test
    void runsNoDatabaseAndKeepsNoState() {
        Rendered rendered = Overlay.PROD.render();
        assertEquals(List.of(), rendered.ofKind("StatefulSet"));
        assertEquals(List.of(), rendered.ofKind("PersistentVolumeClaim"));
        for (Rendered.Workload workload : rendered.workloads()) {
            for (Map<String, Object> volume : Yamls.list(workload.podSpec(), "volumes")) {
                assertTrue(volume.containsKey("emptyDir"), workload.name() + " volume " + volume);
            }
        }
    }

    @Test
    void servesThePublicHostOverTls() {
        Map<String, Object> ingress = Overlay.PROD.render().get("Ingress", "gateway");
        List<Map<String, Object>> tls = Yamls.list(ingress, "spec", "tls");
        assertEquals(1, tls.size());
        assertEquals("aegis-gateway-tls", tls.get(0).get("secretName"));
        List<String> ruleHosts = Yamls.list(ingress, "spec", "rules").stream().map(r -> Yamls.string(r, "host")).toList();
        assertEquals(ruleHosts, Yamls.at(tls.get(0), "hosts"), "the certificate covers every host served");
    }

    @Test
    void spreadsEachServicesReplicasOverZonesAndNodes() {
        for (Rendered.Workload workload : Overlay.PROD.render().workloads()) {
            List<Map<String, Object>> spread = Yamls.list(workload.podSpec(), "topologySpreadConstraints");
            assertEquals(List.of("topology.kubernetes.io/zone", "kubernetes.io/hostname"),
                    spread.stream().map(constraint -> constraint.get("topologyKey")).toList(), workload.name());
            for (Map<String, Object> constraint : spread) {
                String where = workload.name() + " " + constraint.get("topologyKey");
                // Counted per service: the constraint's selector plus the pod's own name label.
                assertTrue(workload.podLabels().entrySet().containsAll(
                        Yamls.map(constraint, "labelSelector", "matchLabels").entrySet()), where);
                assertTrue(Yamls.strings(constraint, "matchLabelKeys").contains("app.kubernetes.io/name"), where);
                // A cluster of one zone, or of fewer nodes than replicas, still schedules them all.
                assertEquals("ScheduleAnyway", constraint.get("whenUnsatisfiable"), where);
            }
        }
    }

    @Test
    void runsAtThePriorityClassTheClusterAdministratorCreatesOnce() {
        Rendered rendered = Overlay.PROD.render();
        assertEquals(List.of(), rendered.ofKind("PriorityClass"), "cluster-wide: created outside the overlay");
        Map<String, Object> priorityClass = new Yaml().load(Repository.read(
                Repository.deploy().resolve("k8s/cluster/priority-class.yaml")));
        assertEquals("PriorityClass", priorityClass.get("kind"));
        int value = (Integer) priorityClass.get("value");
        // Above ordinary workloads (0), below the range Kubernetes keeps for its own system-* classes.
        assertTrue(value > 0 && value < 1_000_000_000, "priority " + value);
        assertFalse(Boolean.TRUE.equals(priorityClass.get("globalDefault")), "the suite's class is no cluster default");
        for (Rendered.Workload workload : rendered.workloads()) {
            assertEquals(Rendered.nameOf(priorityClass), workload.podSpec().get("priorityClassName"), workload.name());
        }
        assertTrue(Repository.read(Repository.deploy().resolve("README.md"))
                .contains("kubectl apply -f deploy/k8s/cluster/priority-class.yaml"), "deploy/README.md says to apply it");
    }

    @Test
    void ownsNoNamespaceSoDeletingTheOverlayKeepsTheOperatorsSecrets() {
        Rendered rendered = Overlay.PROD.render();
        assertEquals(List.of(), rendered.ofKind("Namespace"));
        Map<String, Object> namespace = new Yaml().load(Repository.read(
                Repository.deploy().resolve("k8s/namespaces/aegisspeed.yaml")));
        assertEquals("Namespace", namespace.get("kind"));
        for (Map<String, Object> object : rendered.ofKind("Deployment")) {
            assertEquals(Yamls.string(namespace, "metadata", "name"), Yamls.string(object, "metadata", "namespace"),
                    "the overlay applies into the namespace the operator created");
        }
        assertEquals("restricted", Yamls.string(namespace, "metadata", "labels", "pod-security.kubernetes.io/enforce"));
        assertEquals("restricted", Yamls.string(Overlay.DEV.render().ofKind("Namespace").get(0),
                "metadata", "labels", "pod-security.kubernetes.io/enforce"));
    }

    @Test
    void requiresTheFirstSuperAdminsSecretSoNoGeneratedPasswordIsLogged() {
        Map<String, Object> container = Overlay.PROD.render().workload(AegisService.USER.module)
                .container(AegisService.USER.module);
        Map<String, Object> reference = Yamls.list(container, "envFrom").stream()
                .map(source -> Yamls.map(source, "secretRef"))
                .filter(secret -> "aegis-bootstrap-admin".equals(secret.get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("user-service does not read aegis-bootstrap-admin"));
        assertFalse(Boolean.TRUE.equals(reference.get("optional")), "aegis-bootstrap-admin is optional in prod");
    }
}
