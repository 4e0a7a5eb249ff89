package io.mirrorscope.core.inventory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An immutable snapshot of everything read from one context: Kafka clusters, mirrors, topics, users, tracing
 * back-ends, problems, the read state of each kind, and the topology derived from them. Lists are sorted by
 * namespace, then name. Build one with {@link #assemble}; a live view publishes a new snapshot per change.
 *
 * @param context    the kubeconfig context; may be ""
 * @param namespaces the namespaces read (sorted)
 * @param clusters   Kafka resources, broker counts resolved from node pools
 * @param nodePools  KafkaNodePools
 * @param mirrors    KafkaMirrorMaker, KafkaMirrorMaker2 and MirrorSourceConnector KafkaConnectors
 * @param connects   KafkaConnect clusters
 * @param topics     KafkaTopics
 * @param users      KafkaUsers
 * @param tracing    Jaeger, TempoStack, TempoMonolithic; query URLs resolved from routes
 * @param routes     OpenShift routes (only when the server serves them)
 * @param problems   resource notes and kind-level problems
 * @param kinds      read state per kind
 * @param topology   clusters and mirror links
 */
public record Inventory(String context, List<String> namespaces, List<KafkaCluster> clusters,
                        List<KafkaNodePool> nodePools, List<Mirror> mirrors, List<ConnectCluster> connects,
                        List<Topic> topics, List<KafkaUserInfo> users, List<TracingBackend> tracing,
                        List<RouteInfo> routes, List<InventoryProblem> problems, Map<ResourceKind, KindStatus> kinds,
                        Topology topology) {

    public Inventory {
        namespaces = List.copyOf(namespaces);
        clusters = List.copyOf(clusters);
        nodePools = List.copyOf(nodePools);
        mirrors = List.copyOf(mirrors);
        connects = List.copyOf(connects);
        topics = List.copyOf(topics);
        users = List.copyOf(users);
        tracing = List.copyOf(tracing);
        routes = List.copyOf(routes);
        problems = List.copyOf(problems);
        kinds = kinds.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(kinds));
    }

    /** What a reader collected, before cross-resource resolution. Lists may be mutable; they are copied. */
    public record Parts(List<KafkaCluster> clusters, List<KafkaNodePool> nodePools, List<Mirror> mirrors,
                        List<ConnectCluster> connects, List<Topic> topics, List<KafkaUserInfo> users,
                        List<TracingBackend> tracing, List<RouteInfo> routes, List<InventoryProblem> kindProblems,
                        Map<ResourceKind, KindStatus> kinds) {

        /** Empty parts, to fill by hand (tests, benchmarks). */
        public static Parts empty() {
            return new Parts(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                    new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                    new EnumMap<>(ResourceKind.class));
        }
    }

    /** An inventory with nothing in it. */
    public static Inventory empty(String context, List<String> namespaces) {
        return assemble(context, namespaces, Parts.empty());
    }

    /**
     * Resolves what depends on several resources (broker counts from node pools, tracing URLs from routes,
     * the topology), gathers every reader note as a problem, and sorts.
     */
    public static Inventory assemble(String context, List<String> namespaces, Parts parts) {
        List<KafkaNodePool> pools = sorted(parts.nodePools(), KafkaNodePool::meta);
        Map<String, Integer> brokersByCluster = new HashMap<>();
        for (KafkaNodePool p : pools) {
            if (p.cluster() != null && p.isBroker() && p.replicas() != null) {
                brokersByCluster.merge(p.meta().namespace() + "/" + p.cluster(), p.replicas(), Integer::sum);
            }
        }
        List<KafkaCluster> clusters = sorted(parts.clusters(), KafkaCluster::meta).stream()
                .map(c -> {
                    Integer fromPools = brokersByCluster.get(c.namespace() + "/" + c.name());
                    return c.usesNodePools() || (c.brokers() == null && fromPools != null)
                            ? c.withBrokers(fromPools) : c;
                })
                .toList();
        List<RouteInfo> routes = sorted(parts.routes(), RouteInfo::meta);
        List<TracingBackend> tracing = sorted(parts.tracing(), TracingBackend::meta).stream()
                .map(t -> t.queryUrl() != null ? t : routes.stream()
                        .filter(r -> r.meta().namespace().equals(t.meta().namespace())
                                && t.queryService().equals(r.serviceName()) && r.url() != null)
                        .findFirst().map(r -> t.withQueryUrl(r.url())).orElse(t))
                .toList();
        List<ConnectCluster> connects = sorted(parts.connects(), ConnectCluster::meta);
        List<Mirror> mirrors = sorted(parts.mirrors(), Mirror::meta).stream()
                .map(m -> withConnectTarget(m, connects)).toList();
        List<Topic> topics = sorted(parts.topics(), Topic::meta);
        List<KafkaUserInfo> users = sorted(parts.users(), KafkaUserInfo::meta);

        List<InventoryProblem> problems = new ArrayList<>(parts.kindProblems());
        clusters.forEach(c -> notes(problems, c.meta(), c.notes()));
        pools.forEach(p -> notes(problems, p.meta(), p.notes()));
        mirrors.forEach(m -> notes(problems, m.meta(), m.notes()));
        mirrors.forEach(m -> m.failures().forEach(f -> problems.add(
                new InventoryProblem(m.meta().kind(), m.name(), m.namespace(), f))));
        connects.forEach(c -> notes(problems, c.meta(), c.notes()));
        topics.forEach(t -> notes(problems, t.meta(), t.notes()));
        users.forEach(u -> notes(problems, u.meta(), u.notes()));
        tracing.forEach(t -> notes(problems, t.meta(), t.notes()));
        problems.sort(Comparator.comparing(InventoryProblem::namespace).thenComparing(InventoryProblem::name)
                .thenComparing(InventoryProblem::kind));

        List<String> ns = namespaces.stream().distinct().sorted().toList();
        return new Inventory(context == null ? "" : context, ns, clusters, pools, mirrors, connects, topics, users,
                tracing, routes, problems, parts.kinds(), Topology.of(clusters, mirrors));
    }

    /**
     * A MirrorSourceConnector without {@code target.cluster.bootstrap.servers} writes to the cluster its
     * KafkaConnect runs against (label {@code strimzi.io/cluster} names the KafkaConnect).
     */
    private static Mirror withConnectTarget(Mirror m, List<ConnectCluster> connects) {
        if (m.kind() != MirrorKind.KafkaConnector || m.links().stream().allMatch(l -> l.targetBootstrap() != null)) {
            return m;
        }
        String connect = m.meta().strimziCluster();
        String bootstrap = connects.stream()
                .filter(c -> c.meta().namespace().equals(m.namespace()) && c.meta().name().equals(connect))
                .map(ConnectCluster::bootstrapServers).filter(b -> b != null).findFirst().orElse(null);
        if (bootstrap == null) {
            return m;
        }
        List<MirrorLink> links = m.links().stream().map(l -> l.targetBootstrap() != null ? l
                : l.withTargetBootstrap(bootstrap)).toList();
        return new Mirror(m.meta(), m.kind(), m.conditions(), links, m.connectors(), m.replicas(), m.notes());
    }

    private static void notes(List<InventoryProblem> out, ResourceMeta meta, List<String> notes) {
        for (String n : notes) {
            out.add(new InventoryProblem(meta.kind(), meta.name(), meta.namespace(), n));
        }
    }

    private static <T> List<T> sorted(List<T> items, Function<T, ResourceMeta> meta) {
        List<T> copy = new ArrayList<>(items);
        copy.sort(Comparator.comparing((T t) -> meta.apply(t).namespace()).thenComparing(t -> meta.apply(t).name())
                .thenComparing(t -> meta.apply(t).kind()));
        return copy;
    }

    /** The read state of a kind; NOT_SERVED when it was never looked at. */
    public KindStatus kind(ResourceKind kind) {
        return kinds.getOrDefault(kind, new KindStatus(kind, KindStatus.State.NOT_SERVED, null, ""));
    }

    /** Total number of resources in the snapshot. */
    public int size() {
        return clusters.size() + nodePools.size() + mirrors.size() + connects.size() + topics.size() + users.size()
                + tracing.size() + routes.size();
    }
}
