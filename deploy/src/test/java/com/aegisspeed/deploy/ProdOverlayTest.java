package com.aegisspeed.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * prod runs on an external database (no StatefulSet, no volume), serves the public host over TLS, and
 * spreads each service's replicas over nodes. Replicas, Redis and Secrets are checked with the other overlays.
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
    void spreadsEachServicesReplicasOverNodes() {
        for (Rendered.Workload workload : Overlay.PROD.render().workloads()) {
            List<Map<String, Object>> spread = Yamls.list(workload.podSpec(), "topologySpreadConstraints");
            assertFalse(spread.isEmpty(), workload.name());
            assertEquals("kubernetes.io/hostname", spread.get(0).get("topologyKey"));
            // Counted per service: the constraint's selector plus the pod's own name label.
            assertTrue(workload.podLabels().entrySet().containsAll(
                    Yamls.map(spread.get(0), "labelSelector", "matchLabels").entrySet()), workload.name());
            assertTrue(Yamls.strings(spread.get(0), "matchLabelKeys").contains("app.kubernetes.io/name"), workload.name());
        }
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
