package com.aegisspeed.deploy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

/**
 * Evaluates the rendered NetworkPolicies the way Kubernetes does: a pod no policy selects (for a direction)
 * is open in that direction; a selected pod admits what at least one rule of one selecting policy admits.
 * Only the peer forms the manifests use are understood (podSelector and namespaceSelector with matchLabels or
 * "In" expressions, ipBlock, rules without peers); anything else fails the check rather than being guessed at.
 * An ipBlock matches addresses outside the cluster only, never a pod: Kubernetes leaves pod addresses in
 * ipBlocks to the network plugin, and some never match them.
 */
final class NetworkPolicies {

    private static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

    /**
     * A pod (its namespace's labels and its own) or, with both null, an address outside the cluster.
     * {@code inPolicyNamespace}: the pod lives in the namespace the policies are applied to.
     */
    record Endpoint(String description, Map<String, Object> namespaceLabels, Map<String, Object> labels,
                    boolean inPolicyNamespace, String address) {

        /** An address on the Internet (a documentation range): nothing of the suite's may reach one. */
        static final Endpoint OUTSIDE = outside("an address on the Internet", "198.51.100.7");

        static Endpoint of(Rendered.Workload workload) {
            return new Endpoint(workload.name(), null, workload.podLabels(), true, null);
        }

        static Endpoint inPolicyNamespace(String description, Map<String, Object> labels) {
            return new Endpoint(description, null, labels, true, null);
        }

        static Endpoint inNamespace(String namespace, Map<String, Object> labels) {
            return new Endpoint("a pod in namespace " + namespace, Map.of(NAMESPACE_NAME_LABEL, namespace), labels,
                    false, null);
        }

        static Endpoint outside(String description, String address) {
            return new Endpoint(description + " (" + address + ")", null, null, false, address);
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
            if (entry.containsKey("ipBlock")) {
                if (entry.size() != 1) {
                    throw new AssertionError("peer form not understood by this check: " + entry);
                }
                if (!peer.isPod() && inBlock(Yamls.map(entry, "ipBlock"), peer.address())) {
                    return true;
                }
                continue;
            }
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

    private static boolean inBlock(Map<String, Object> ipBlock, String address) {
        if (!inCidr(Yamls.string(ipBlock, "cidr"), address)) {
            return false;
        }
        return Yamls.strings(ipBlock, "except").stream().noneMatch(except -> inCidr(except, address));
    }

    /** Whether the address lies in the CIDR block (IPv4 in IPv4 blocks, IPv6 in IPv6 blocks). */
    static boolean inCidr(String cidr, String address) {
        String[] parts = cidr.split("/");
        byte[] block = literal(parts[0]);
        byte[] candidate = literal(address);
        if (block.length != candidate.length) {
            return false;
        }
        int prefix = Integer.parseInt(parts[1]);
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((block[bit / 8] & mask) != (candidate[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    private static byte[] literal(String address) {
        if (!address.matches("[0-9a-fA-F:.]+")) {
            throw new AssertionError("not an address literal: " + address);
        }
        try {
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            throw new AssertionError("not an address literal: " + address, e);
        }
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
