package io.mirrorscope.core.inventory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which cluster is mirrored where, by whom: every Kafka resource is a node, every mirror link an edge from
 * its source node to its target node. Addresses that match no Kafka resource become external nodes.
 *
 * @param nodes clusters sorted by namespace and name, external nodes last
 * @param edges links sorted by mirror namespace, mirror name, link index
 */
public record Topology(List<ClusterNode> nodes, List<TopologyEdge> edges) {

    public Topology {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /** Builds the topology of the given clusters and mirrors. */
    public static Topology of(List<KafkaCluster> clusters, List<Mirror> mirrors) {
        ClusterResolver resolver = new ClusterResolver(clusters);
        Map<String, ClusterNode> nodes = new LinkedHashMap<>();
        clusters.stream()
                .sorted(Comparator.comparing(KafkaCluster::namespace).thenComparing(KafkaCluster::name))
                .forEach(c -> nodes.put(ClusterNode.of(c).id(), ClusterNode.of(c)));
        Map<String, ClusterNode> externals = new LinkedHashMap<>();
        List<TopologyEdge> edges = new ArrayList<>();
        List<Mirror> sorted = mirrors.stream()
                .sorted(Comparator.comparing(Mirror::namespace).thenComparing(Mirror::name)).toList();
        for (Mirror m : sorted) {
            for (int i = 0; i < m.links().size(); i++) {
                MirrorLink l = m.links().get(i);
                ClusterNode src = node(resolver, nodes, externals, l.sourceBootstrap(), m.namespace());
                ClusterNode dst = node(resolver, nodes, externals, l.targetBootstrap(), m.namespace());
                edges.add(new TopologyEdge(edgeId(m, i), src, dst, m, l));
            }
        }
        List<ClusterNode> all = new ArrayList<>(nodes.values());
        externals.values().stream().sorted(Comparator.comparing(ClusterNode::name)).forEach(all::add);
        return new Topology(all, edges);
    }

    /** The id of a mirror's {@code index}-th link: {@code <kind>:<namespace>/<name>#<index>}. */
    public static String edgeId(Mirror m, int index) {
        return m.kind() + ":" + m.namespace() + "/" + m.name() + "#" + index;
    }

    private static ClusterNode node(ClusterResolver resolver, Map<String, ClusterNode> nodes,
                                    Map<String, ClusterNode> externals, String bootstrap, String namespace) {
        return resolver.resolve(bootstrap, namespace)
                .map(c -> nodes.get(ClusterNode.of(c).id()))
                .orElseGet(() -> externals.computeIfAbsent(ClusterNode.external(bootstrap).id(),
                        k -> ClusterNode.external(bootstrap)));
    }

    /** The edges of one mirror, in link order. */
    public List<TopologyEdge> edgesOf(Mirror mirror) {
        return edges.stream().filter(e -> e.mirror().meta().equals(mirror.meta())).toList();
    }

    /** The edges touching a node. */
    public List<TopologyEdge> edgesAt(ClusterNode node) {
        return edges.stream().filter(e -> e.source().id().equals(node.id()) || e.target().id().equals(node.id()))
                .toList();
    }
}
