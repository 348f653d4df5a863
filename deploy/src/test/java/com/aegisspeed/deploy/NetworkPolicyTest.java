package com.aegisspeed.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Default deny, then exactly the calls docs/internal-api.md describes: a service accepts connections only
 * from the gateway and the services that call it, each reaches its database (and in prod Redis) on the private
 * network or in the cluster, never on the Internet, and nothing else gets in.
 */
class NetworkPolicyTest {

    private static final int MYSQL = 3306;
    private static final int REDIS = 6379;
    private static final int DNS = 53;

    /**
     * Who may open a connection to whom. Every service verifies tokens against auth-service (JWKS, revocation
     * feed); no service calls the gateway, which only clients (through the Ingress controller) reach.
     */
    private static final Map<AegisService, Set<AegisService>> CALLERS = Map.of(
            AegisService.GATEWAY, EnumSet.noneOf(AegisService.class),
            AegisService.AUTH, EnumSet.of(AegisService.GATEWAY, AegisService.USER, AegisService.MACHINE,
                    AegisService.ANTICHEAT),
            AegisService.USER, EnumSet.of(AegisService.GATEWAY, AegisService.AUTH, AegisService.MACHINE,
                    AegisService.ANTICHEAT),
            AegisService.MACHINE, EnumSet.of(AegisService.GATEWAY, AegisService.ANTICHEAT),
            AegisService.ANTICHEAT, EnumSet.of(AegisService.GATEWAY));

    private static final NetworkPolicies.Endpoint STRANGER =
            NetworkPolicies.Endpoint.inPolicyNamespace("an unrelated pod", Map.of("app.kubernetes.io/name", "stranger"));
    private static final NetworkPolicies.Endpoint INGRESS_CONTROLLER =
            NetworkPolicies.Endpoint.inNamespace("ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx"));
    private static final NetworkPolicies.Endpoint OTHER_NAMESPACE =
            NetworkPolicies.Endpoint.inNamespace("monitoring", Map.of("app.kubernetes.io/name", "ingress-nginx"));
    private static final NetworkPolicies.Endpoint CLUSTER_DNS =
            NetworkPolicies.Endpoint.inNamespace("kube-system", Map.of("k8s-app", "kube-dns"));
    /** Where the base expects an external database or Redis until an operator's overlay narrows it. */
    private static final NetworkPolicies.Endpoint PRIVATE_NETWORK_HOST =
            NetworkPolicies.Endpoint.outside("a host on the private network", "10.20.30.40");
    private static final NetworkPolicies.Endpoint PROMETHEUS =
            NetworkPolicies.Endpoint.inNamespace("monitoring", Map.of("app.kubernetes.io/name", "prometheus"));

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everythingIsDeniedByDefault(Overlay overlay) {
        Map<String, Object> defaultDeny = overlay.render().get("NetworkPolicy", "default-deny-all");
        assertEquals(Map.of(), Yamls.map(defaultDeny, "spec", "podSelector"));
        assertEquals(List.of("Ingress", "Egress"), Yamls.at(defaultDeny, "spec", "policyTypes"));
        assertFalse(Yamls.map(defaultDeny, "spec").containsKey("ingress"));
        assertFalse(Yamls.map(defaultDeny, "spec").containsKey("egress"));
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void servicesAcceptOnlyTheirCallers(Overlay overlay) {
        Rendered rendered = overlay.render();
        NetworkPolicies policies = new NetworkPolicies(rendered);
        Map<AegisService, NetworkPolicies.Endpoint> pods = servicePods(rendered);
        for (AegisService callee : AegisService.values()) {
            int port = callee.applicationPort();
            for (AegisService caller : AegisService.values()) {
                if (caller == callee) {
                    continue;
                }
                assertEquals(CALLERS.get(callee).contains(caller),
                        policies.allows(pods.get(caller), pods.get(callee), port),
                        caller.module + " -> " + callee.module + ":" + port);
            }
            // Clients come in through the Ingress controller, to the gateway only.
            assertEquals(callee == AegisService.GATEWAY, policies.allows(INGRESS_CONTROLLER, pods.get(callee), port),
                    "the Ingress controller -> " + callee.module);
            for (NetworkPolicies.Endpoint outsider : List.of(NetworkPolicies.Endpoint.OUTSIDE, STRANGER, OTHER_NAMESPACE)) {
                assertFalse(policies.ingressAllows(outsider, pods.get(callee), port),
                        outsider.description() + " -> " + callee.module);
            }
            // Only the service port and the management port: nothing else on the pod is reachable.
            assertFalse(policies.ingressAllows(pods.get(AegisService.GATEWAY), pods.get(callee), port + 2000),
                    "gateway -> " + callee.module + ":" + (port + 2000));
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void managementPortsAdmitOnlyPrometheusAndTheGatewaysReadinessCheck(Overlay overlay) {
        Rendered rendered = overlay.render();
        NetworkPolicies policies = new NetworkPolicies(rendered);
        Map<AegisService, NetworkPolicies.Endpoint> pods = servicePods(rendered);
        for (AegisService callee : AegisService.values()) {
            int management = callee.managementPort();
            for (AegisService caller : AegisService.values()) {
                if (caller != callee) {
                    assertEquals(caller == AegisService.GATEWAY, policies.allows(pods.get(caller), pods.get(callee), management),
                            caller.module + " -> " + callee.module + ":" + management);
                }
            }
            assertTrue(policies.ingressAllows(PROMETHEUS, pods.get(callee), management), "Prometheus -> " + callee.module);
            assertFalse(policies.ingressAllows(PROMETHEUS, pods.get(callee), callee.applicationPort()),
                    "Prometheus -> " + callee.module + " public port");
            for (NetworkPolicies.Endpoint outsider : List.of(NetworkPolicies.Endpoint.OUTSIDE, STRANGER, INGRESS_CONTROLLER)) {
                assertFalse(policies.ingressAllows(outsider, pods.get(callee), management),
                        outsider.description() + " -> " + callee.module + ":" + management);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void servicesReachTheirDatabaseAndNameServiceButNotTheInternet(Overlay overlay) {
        Rendered rendered = overlay.render();
        NetworkPolicies policies = new NetworkPolicies(rendered);
        NetworkPolicies.Endpoint database = rendered.find("StatefulSet", "aegis-mysql")
                .map(s -> NetworkPolicies.Endpoint.of(rendered.workload("aegis-mysql")))
                .orElse(PRIVATE_NETWORK_HOST);
        for (Map.Entry<AegisService, NetworkPolicies.Endpoint> pod : servicePods(rendered).entrySet()) {
            String service = pod.getKey().module;
            assertTrue(policies.allows(pod.getValue(), database, MYSQL), service + " -> " + database.description());
            assertFalse(policies.egressAllows(pod.getValue(), NetworkPolicies.Endpoint.OUTSIDE, MYSQL),
                    service + " -> a MySQL on the Internet");
            assertFalse(policies.egressAllows(pod.getValue(), STRANGER, MYSQL), service + " -> any pod's port 3306");
            assertTrue(policies.egressAllows(pod.getValue(), CLUSTER_DNS, DNS), service + " -> the cluster's DNS");
            assertFalse(policies.egressAllows(pod.getValue(), NetworkPolicies.Endpoint.OUTSIDE, DNS),
                    service + " -> a resolver outside the cluster");
            assertFalse(policies.egressAllows(pod.getValue(), NetworkPolicies.Endpoint.OUTSIDE, 443),
                    service + " -> the internet");
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyEgressRuleNamesItsPeersAndNoneIsTheWholeInternet(Overlay overlay) {
        for (Map<String, Object> policy : overlay.render().ofKind("NetworkPolicy")) {
            for (Map<String, Object> rule : Yamls.list(policy, "spec", "egress")) {
                String where = Rendered.nameOf(policy) + " egress " + rule;
                assertFalse(Yamls.list(rule, "to").isEmpty(), where + " reaches any address on its ports");
                for (Map<String, Object> peer : Yamls.list(rule, "to")) {
                    String cidr = Yamls.string(peer, "ipBlock", "cidr");
                    if (cidr != null) {
                        int prefix = Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1));
                        assertTrue(prefix >= 7, where + ": " + cidr + " is most of the Internet");
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Overlay.class, names = "DEV")
    void onlyTheServicesReachTheDevDatabase(Overlay overlay) {
        Rendered rendered = overlay.render();
        NetworkPolicies policies = new NetworkPolicies(rendered);
        NetworkPolicies.Endpoint database = NetworkPolicies.Endpoint.of(rendered.workload("aegis-mysql"));
        assertFalse(policies.ingressAllows(STRANGER, database, MYSQL));
        assertFalse(policies.ingressAllows(NetworkPolicies.Endpoint.OUTSIDE, database, MYSQL));
        assertFalse(policies.egressAllows(database, NetworkPolicies.Endpoint.OUTSIDE, 443));
    }

    @ParameterizedTest
    @EnumSource(value = Overlay.class, names = "PROD")
    void everyServiceReachesRedisForRevocationsOnThePrivateNetworkOnly(Overlay overlay) {
        Rendered rendered = overlay.render();
        NetworkPolicies policies = new NetworkPolicies(rendered);
        servicePods(rendered).forEach((service, pod) -> {
            assertTrue(policies.egressAllows(pod, PRIVATE_NETWORK_HOST, REDIS), service.module + " -> Redis");
            assertFalse(policies.egressAllows(pod, NetworkPolicies.Endpoint.OUTSIDE, REDIS),
                    service.module + " -> a Redis on the Internet");
        });
    }

    private static Map<AegisService, NetworkPolicies.Endpoint> servicePods(Rendered rendered) {
        Map<AegisService, NetworkPolicies.Endpoint> pods = new LinkedHashMap<>();
        for (AegisService service : AegisService.values()) {
            pods.put(service, NetworkPolicies.Endpoint.of(rendered.workload(service.module)));
        }
        return pods;
    }
}
