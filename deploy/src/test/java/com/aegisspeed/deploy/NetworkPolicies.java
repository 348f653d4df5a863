package com.aegisspeed.deploy;

import java.util.List;
import java.util.Map;

/**
 * Evaluates the rendered NetworkPolicies the way Kubernetes does: a pod no policy selects (for a direction)
 * is open in that direction; a selected pod admits what at least one rule of one selecting policy admits.
 * Only the peer forms the manifests use are understood (podSelector and namespaceSelector with matchLabels or
 * "In" expressions, rules without peers); anything else fails the check rather than being guessed at.
 */
final class NetworkPolicies {

    private static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

    /**
     * A pod (its namespace's labels and its own) or, with both null, an address outside the cluster.
     * {@code inPolicyNamespace}: the pod lives in the namespace the policies are applied to.
     */
    record Endpoint(String description, Map<String, Object> namespaceLabels, Map<String, Object> labels,
                    boolean inPolicyNamespace) {

        static final Endpoint OUTSIDE = new Endpoint("outside the cluster", null, null, false);

        static Endpoint of(Rendered.Workload workload) {
            return new Endpoint(workload.name(), null, workload.podLabels(), true);
        }

        static Endpoint inPolicyNamespace(String description, Map<String, Object> labels) {
            return new Endpoint(description, null, labels, true);
        }

        static Endpoint inNamespace(String namespace, Map<String, Object> labels) {
            return new Endpoint("a pod in namespace " + namespace, Map.of(NAMESPACE_NAME_LABEL, namespace), labels,
                    false);
        }

        boolean isPod() {
            return labels != null;
        }
    }

    private final List<Map<String, Object>> policies;
    private final Map<String, Object> policyNamespaceLabels;

    NetworkPolicies(Rendered rendered) {
        this.policies = rendered.ofKind("NetworkPolicy");
        String namespace = policies.stream().map(p -> Yamls.string(p, "metadata", "namespace"))
                .filter(n -> n != null).findFirst().orElse("default");
        this.policyNamespaceLabels = Map.of(NAMESPACE_NAME_LABEL, namespace);
    }

    /** Whether {@code source} may open a TCP connection to {@code destination} on {@code port}. */
    boolean allows(Endpoint source, Endpoint destination, int port) {
        return egressAllows(source, destination, port) && ingressAllows(source, destination, port);
    }

    boolean ingressAllows(Endpoint source, Endpoint destination, int port) {
        return !destination.inPolicyNamespace() || admits(destination, "Ingress", "ingress", "from", source, port);
    }

    boolean egressAllows(Endpoint source, Endpoint destination, int port) {
        return !source.inPolicyNamespace() || admits(source, "Egress", "egress", "to", destination, port);
    }

    private boolean admits(Endpoint selected, String policyType, String rulesKey, String peersKey, Endpoint peer,
                           int port) {
        boolean selectedByAny = false;
        for (Map<String, Object> policy : policies) {
            if (!Yamls.strings(policy, "spec", "policyTypes").contains(policyType)
                    || !selectorMatches(Yamls.map(policy, "spec", "podSelector"), selected.labels())) {
                continue;
            }
            selectedByAny = true;
            for (Map<String, Object> rule : Yamls.list(policy, "spec", rulesKey)) {
                if (peersMatch(rule, peersKey, peer) && portsMatch(rule, port)) {
                    return true;
                }
            }
        }
        return !selectedByAny;
    }

    private boolean peersMatch(Map<String, Object> rule, String peersKey, Endpoint peer) {
        if (!rule.containsKey(peersKey)) {
            return true;
        }
        for (Map<String, Object> entry : Yamls.list(rule, peersKey)) {
            if (entry.keySet().stream().anyMatch(key -> !key.equals("podSelector") && !key.equals("namespaceSelector"))) {
                throw new AssertionError("peer form not understood by this check: " + entry);
            }
            if (!peer.isPod()) {
                continue;
            }
            boolean namespaceMatches = entry.containsKey("namespaceSelector")
                    ? selectorMatches(Yamls.map(entry, "namespaceSelector"),
                            peer.inPolicyNamespace() ? policyNamespaceLabels : peer.namespaceLabels())
                    : peer.inPolicyNamespace();
            boolean podMatches = !entry.containsKey("podSelector")
                    || selectorMatches(Yamls.map(entry, "podSelector"), peer.labels());
            if (namespaceMatches && podMatches) {
                return true;
            }
        }
        return false;
    }

    private static boolean portsMatch(Map<String, Object> rule, int port) {
        if (!rule.containsKey("ports")) {
            return true;
        }
        for (Map<String, Object> entry : Yamls.list(rule, "ports")) {
            Object number = entry.get("port");
            if (!(number instanceof Integer)) {
                throw new AssertionError("port form not understood by this check: " + entry);
            }
            if ("TCP".equals(entry.getOrDefault("protocol", "TCP")) && number.equals(port)) {
                return true;
            }
        }
        return false;
    }

    private static boolean selectorMatches(Map<String, Object> selector, Map<String, Object> labels) {
        if (labels == null) {
            return false;
        }
        for (Map<String, Object> expression : Yamls.list(selector, "matchExpressions")) {
            if (!"In".equals(expression.get("operator"))) {
                throw new AssertionError("matchExpressions operator not understood by this check: " + expression);
            }
            if (!Yamls.strings(expression, "values").contains(String.valueOf(labels.get(expression.get("key"))))) {
                return false;
            }
        }
        Map<String, Object> matchLabels = Yamls.map(selector, "matchLabels");
        return labels.entrySet().containsAll(matchLabels.entrySet());
    }
}
