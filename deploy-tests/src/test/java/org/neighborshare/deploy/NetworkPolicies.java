package org.neighborshare.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the NetworkPolicies of a rendered overlay the way the cluster applies them, for one pod: which peers may
 * reach it (ingress) and which it may reach (egress), as "peer:port" strings such as {@code pod:gateway:8080},
 * {@code ns:monitoring:9083}, {@code ns:kube-system/pod:kube-dns:53} or {@code ip:192.0.2.10/32:5432}.
 */
final class NetworkPolicies {

    private NetworkPolicies() {}

    static List<JsonNode> selecting(List<JsonNode> objects, Map<String, String> podLabels) {
        return Overlays.ofKind(objects, "NetworkPolicy")
                .filter(p -> matches(p.path("spec").path("podSelector"), podLabels))
                .toList();
    }

    static Set<String> ingress(List<JsonNode> objects, Map<String, String> podLabels) {
        return allowed(objects, podLabels, "Ingress", "ingress", "from");
    }

    static Set<String> egress(List<JsonNode> objects, Map<String, String> podLabels) {
        return allowed(objects, podLabels, "Egress", "egress", "to");
    }

    private static Set<String> allowed(
            List<JsonNode> objects, Map<String, String> podLabels, String type, String field, String peersField) {
        Set<String> allowed = new TreeSet<>();
        for (JsonNode policy : selecting(objects, podLabels)) {
            if (!types(policy).contains(type)) {
                continue;
            }
            for (JsonNode rule : policy.path("spec").path(field)) {
                List<String> peers = new ArrayList<>();
                if (!rule.has(peersField)) {
                    peers.add("anywhere");
                }
                rule.path(peersField).forEach(peer -> peers.addAll(describe(peer)));
                List<String> ports = new ArrayList<>();
                rule.path("ports").forEach(p -> ports.add(p.path("port").asText()));
                if (ports.isEmpty()) {
                    ports.add("*");
                }
                for (String peer : peers) {
                    for (String port : ports) {
                        allowed.add(peer + ":" + port);
                    }
                }
            }
        }
        return allowed;
    }

    static Set<String> types(JsonNode policy) {
        Set<String> types = new TreeSet<>();
        policy.path("spec").path("policyTypes").forEach(t -> types.add(t.asText()));
        return types;
    }

    private static List<String> describe(JsonNode peer) {
        if (peer.has("ipBlock")) {
            return List.of("ip:" + peer.path("ipBlock").path("cidr").asText());
        }
        List<String> pods = peer.has("podSelector") ? names(peer.get("podSelector")) : List.of();
        List<String> out = new ArrayList<>();
        if (peer.has("namespaceSelector")) {
            for (String ns : names(peer.get("namespaceSelector"))) {
                if (pods.isEmpty()) {
                    out.add("ns:" + ns);
                } else {
                    pods.forEach(pod -> out.add("ns:" + ns + "/pod:" + pod));
                }
            }
        } else {
            pods.forEach(pod -> out.add("pod:" + pod));
        }
        return out;
    }

    /** The values a selector names ({@code *} for an empty selector, which means every pod or namespace). */
    private static List<String> names(JsonNode selector) {
        List<String> names = new ArrayList<>();
        selector.path("matchLabels").forEach(v -> names.add(v.asText()));
        for (JsonNode e : selector.path("matchExpressions")) {
            if ("In".equals(e.path("operator").asText())) {
                e.path("values").forEach(v -> names.add(v.asText()));
            } else {
                names.add(e.path("key").asText() + " " + e.path("operator").asText());
            }
        }
        return names.isEmpty() ? List.of("*") : names;
    }

    static boolean matches(JsonNode selector, Map<String, String> labels) {
        var fields = selector.path("matchLabels").fields();
        while (fields.hasNext()) {
            var f = fields.next();
            if (!f.getValue().asText().equals(labels.get(f.getKey()))) {
                return false;
            }
        }
        for (JsonNode e : selector.path("matchExpressions")) {
            String value = labels.get(e.path("key").asText());
            Set<String> values = new TreeSet<>();
            e.path("values").forEach(v -> values.add(v.asText()));
            boolean ok = switch (e.path("operator").asText()) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
