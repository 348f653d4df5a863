package com.aegisspeed.deploy;

import java.util.List;
import java.util.Map;

/**
 * Evaluates the rendered NetworkPolicies the way Kubernetes does, for traffic inside the namespace and to or
 * from outside the cluster: a pod no policy selects (for a direction) is open in that direction; a selected
 * pod admits what at least one rule of one selecting policy admits. Only the selector forms the manifests
 * use are understood (podSelector.matchLabels, rules without peers); anything else fails the check rather
 * than being guessed at.
 */
final class NetworkPolicies {

    /** A pod of the namespace (its labels) or, with null labels, an address outside the cluster. */
    record Endpoint(String description, Map<String, Object> labels) {

        static final Endpoint OUTSIDE = new Endpoint("outside the cluster", null);

        static Endpoint of(Rendered.Workload workload) {
            return new Endpoint(workload.name(), workload.podLabels());
        }

        boolean isPod() {
            return labels != null;
        }
    }

    private final List<Map<String, Object>> policies;

    NetworkPolicies(Rendered rendered) {
        this.policies = rendered.ofKind("NetworkPolicy");
    }

    /** Whether {@code source} may open a TCP connection to {@code destination} on {@code port}. */
    boolean allows(Endpoint source, Endpoint destination, int port) {
        return egressAllows(source, destination, port) && ingressAllows(source, destination, port);
    }

    boolean ingressAllows(Endpoint source, Endpoint destination, int port) {
        if (!destination.isPod()) {
            return true;
        }
        return admits(destination, "Ingress", "ingress", "from", source, port);
    }

    boolean egressAllows(Endpoint source, Endpoint destination, int port) {
        if (!source.isPod()) {
            return true;
        }
        return admits(source, "Egress", "egress", "to", destination, port);
    }

    private boolean admits(Endpoint selected, String policyType, String rulesKey, String peersKey, Endpoint peer,
                           int port) {
        boolean selectedByAny = false;
        for (Map<String, Object> policy : policies) {
            if (!Yamls.list(policy, "spec", "policyTypes").contains(policyType)
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

    private static boolean peersMatch(Map<String, Object> rule, String peersKey, Endpoint peer) {
        if (!rule.containsKey(peersKey)) {
            return true;
        }
        for (Map<String, Object> entry : Yamls.list(rule, peersKey)) {
            if (entry.keySet().stream().anyMatch(key -> !key.equals("podSelector"))) {
                throw new AssertionError("peer form not understood by this check: " + entry);
            }
            if (peer.isPod() && selectorMatches(Yamls.map(entry, "podSelector"), peer.labels())) {
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
        if (selector.containsKey("matchExpressions")) {
            throw new AssertionError("matchExpressions not understood by this check: " + selector);
        }
        Map<String, Object> matchLabels = Yamls.map(selector, "matchLabels");
        return labels != null && labels.entrySet().containsAll(matchLabels.entrySet());
    }
}
