package io.mirrorscope.kube.inventory;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrorscope.core.inventory.Condition;
import io.mirrorscope.core.inventory.ConnectCluster;
import io.mirrorscope.core.inventory.KafkaCluster;
import io.mirrorscope.core.inventory.KafkaNodePool;
import io.mirrorscope.core.inventory.KafkaUserInfo;
import io.mirrorscope.core.inventory.Listener;
import io.mirrorscope.core.inventory.MetadataMode;
import io.mirrorscope.core.inventory.ResourceMeta;
import io.mirrorscope.core.inventory.Topic;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps Strimzi's Kafka, KafkaNodePool, KafkaTopic, KafkaUser and KafkaConnect of every served version
 * (v1beta1, v1beta2, v1) onto the core model.
 *
 * <p>Shapes are told apart by what is present rather than by apiVersion alone: a v1beta1 Kafka from Strimzi
 * 0.20 already uses the listener array, one from 0.19 the listener map, and v1beta2 may carry either
 * ZooKeeper or node pools.
 */
public final class StrimziMapper {

    private StrimziMapper() {
    }

    /** A Kafka resource. Broker counts from node pools are filled in later by {@code Inventory.assemble}. */
    public static KafkaCluster kafka(GenericKubernetesResource r) {
        Fields f = new Fields();
        ResourceMeta meta = Meta.of(r);
        Map<String, Object> root = Meta.root(r);
        if (!Fields.has(root, "spec")) {
            f.note("spec is missing");
        }
        Map<String, Object> spec = f.map(root, "spec", "spec");
        Map<String, Object> kafka = f.map(spec, "kafka", "spec.kafka");
        if (Fields.has(root, "spec") && kafka.isEmpty()) {
            f.note("spec.kafka is missing");
        }
        Map<String, Object> status = f.map(root, "status", "status");
        Map<String, String> annotations = r.getMetadata() == null || r.getMetadata().getAnnotations() == null
                ? Map.of() : r.getMetadata().getAnnotations();
        String version = Meta.version(r.getApiVersion());

        List<Listener> listeners = listeners(f, kafka, status);
        String kafkaVersion = f.str(status, "kafkaVersion", "status.kafkaVersion");
        if (kafkaVersion == null) {
            kafkaVersion = f.str(kafka, "version", "spec.kafka.version");
        }
        boolean pools = "v1".equals(version)
                || "enabled".equalsIgnoreCase(annotations.get("strimzi.io/node-pools"))
                || !f.maps(status, "kafkaNodePools", "status.kafkaNodePools").isEmpty();
        Integer brokers = pools ? null : f.integer(kafka, "replicas", "spec.kafka.replicas", 0, Integer.MAX_VALUE);
        MetadataMode mode = metadataMode(f, version, annotations, spec, status);
        return new KafkaCluster(meta, Meta.conditions(f, status), kafkaVersion, mode, brokers, pools, listeners,
                f.str(status, "clusterId", "status.clusterId"), f.notes());
    }

    private static MetadataMode metadataMode(Fields f, String version, Map<String, String> annotations,
                                             Map<String, Object> spec, Map<String, Object> status) {
        String state = f.str(status, "kafkaMetadataState", "status.kafkaMetadataState");
        if (state != null) {
            // During a migration the data still lives in ZooKeeper until PreKRaft.
            return switch (state) {
                case "KRaft", "PreKRaft" -> MetadataMode.KRAFT;
                case "ZooKeeper", "KRaftMigration", "KRaftDualWriting", "KRaftPostMigration" -> MetadataMode.ZOOKEEPER;
                default -> MetadataMode.UNKNOWN;
            };
        }
        if ("v1".equals(version) || "enabled".equalsIgnoreCase(annotations.get("strimzi.io/kraft"))) {
            return MetadataMode.KRAFT;
        }
        if (Fields.has(spec, "zookeeper") || "v1beta1".equals(version) || "v1alpha1".equals(version)) {
            return MetadataMode.ZOOKEEPER;
        }
        return MetadataMode.UNKNOWN;
    }

    /**
     * The listeners of a Kafka resource: the one listener parser, used by the inventory and by the kafka adapter's
     * {@code StrimziClusterReader} alike. Spec listeners (the array of Strimzi 0.20+, or the pre-0.20 map
     * {@code plain}/{@code tls}/{@code external}) joined by name with the status' listeners.
     *
     * <p>{@code tls}: the spec's value where it says; in the old map form {@code plain} is plain, {@code tls} is
     * TLS and {@code external} is TLS unless it says {@code tls: false}; where the spec does not say (a listener
     * without {@code tls}, or only in the status) the status decides: a TLS listener reports its CA
     * {@code certificates}.
     *
     * @param kafkaSpec {@code spec.kafka} of the resource
     * @param status    {@code status} of the resource
     */
    public static List<Listener> listeners(Map<String, Object> kafkaSpec, Map<String, Object> status) {
        return listeners(new Fields(), kafkaSpec, status);
    }

    /** As {@link #listeners(Map, Map)}, noting odd fields in {@code f}. */
    static List<Listener> listeners(Fields f, Map<String, Object> kafka, Map<String, Object> status) {
        Map<String, Listener> byName = new LinkedHashMap<>();
        // Spec listeners that do not say whether they use TLS: the status' certificates decide below.
        Set<String> tlsUnsaid = new HashSet<>();
        Object spec = kafka.get("listeners");
        if (spec instanceof List<?>) {
            for (Map<String, Object> l : f.maps(kafka, "listeners", "spec.kafka.listeners")) {
                String name = f.str(l, "name", "spec.kafka.listeners.name");
                if (name == null) {
                    f.note("spec.kafka.listeners: a listener has no name");
                    continue;
                }
                Map<String, Object> auth = f.map(l, "authentication",
                        "spec.kafka.listeners." + name + ".authentication");
                if (!Fields.has(l, "tls")) {
                    tlsUnsaid.add(name);
                }
                byName.put(name, new Listener(name, f.str(l, "type", "spec.kafka.listeners." + name + ".type"),
                        f.integer(l, "port", "spec.kafka.listeners." + name + ".port", 1, 65_535),
                        f.bool(l, "tls", "spec.kafka.listeners." + name + ".tls", false),
                        f.str(auth, "type", "spec.kafka.listeners." + name + ".authentication.type"),
                        null, List.of(), List.of()));
            }
        } else if (spec instanceof Map<?, ?>) {
            // Strimzi < 0.20: listeners: {plain: {}, tls: {}, external: {type: route}} on fixed ports.
            Map<String, Object> map = f.map(kafka, "listeners", "spec.kafka.listeners");
            for (Map.Entry<String, Object> e : map.entrySet()) {
                String name = e.getKey();
                Map<String, Object> l = f.map(map, name, "spec.kafka.listeners." + name);
                Map<String, Object> auth = f.map(l, "authentication",
                        "spec.kafka.listeners." + name + ".authentication");
                String authType = f.str(auth, "type", "spec.kafka.listeners." + name + ".authentication.type");
                Listener listener = switch (name) {
                    case "plain" -> new Listener(name, "internal", 9092, false, authType, null, List.of(), List.of());
                    case "tls" -> new Listener(name, "internal", 9093, true, authType, null, List.of(), List.of());
                    case "external" -> new Listener(name, f.str(l, "type", "spec.kafka.listeners.external.type"),
                            9094, f.bool(l, "tls", "spec.kafka.listeners.external.tls", true), authType, null,
                            List.of(), List.of());
                    default -> new Listener(name, null, null, false, authType, null, List.of(), List.of());
                };
                byName.put(name, listener);
            }
        } else if (spec != null) {
            f.note("spec.kafka.listeners: expected a list or an object, found " + spec.getClass().getSimpleName());
        }
        for (Map<String, Object> s : f.maps(status, "listeners", "status.listeners")) {
            // v1beta1 status carries the listener name in `type`; v1beta2 both; v1 only `name`.
            String name = f.str(s, "name", "status.listeners.name");
            if (name == null) {
                name = f.str(s, "type", "status.listeners.type");
            }
            if (name == null) {
                continue;
            }
            List<String> addresses = new ArrayList<>();
            for (Map<String, Object> a : f.maps(s, "addresses", "status.listeners." + name + ".addresses")) {
                String host = f.str(a, "host", "status.listeners." + name + ".addresses.host");
                Integer port = f.integer(a, "port", "status.listeners." + name + ".addresses.port", 1, 65_535);
                if (host != null) {
                    addresses.add(port == null ? host : host + ":" + port);
                }
            }
            String bootstrap = f.str(s, "bootstrapServers", "status.listeners." + name + ".bootstrapServers");
            if (bootstrap == null && !addresses.isEmpty()) {
                bootstrap = String.join(",", addresses);
            }
            List<String> certs = f.strings(s, "certificates", "status.listeners." + name + ".certificates");
            Listener base = byName.get(name);
            byName.put(name, base == null
                    ? new Listener(name, null, null, !certs.isEmpty(), null, bootstrap, addresses, certs)
                    : new Listener(name, base.type(), base.port(),
                            tlsUnsaid.contains(name) ? !certs.isEmpty() : base.tls(), base.authentication(),
                            bootstrap, addresses, certs));
        }
        return new ArrayList<>(byName.values());
    }

    public static KafkaNodePool nodePool(GenericKubernetesResource r) {
        Fields f = new Fields();
        ResourceMeta meta = Meta.of(r);
        Map<String, Object> root = Meta.root(r);
        if (!Fields.has(root, "spec")) {
            f.note("spec is missing");
        }
        Map<String, Object> spec = f.map(root, "spec", "spec");
        if (meta.strimziCluster() == null) {
            f.note("label strimzi.io/cluster is missing");
        }
        return new KafkaNodePool(meta, meta.strimziCluster(),
                f.integer(spec, "replicas", "spec.replicas", 0, Integer.MAX_VALUE),
                f.strings(spec, "roles", "spec.roles"), f.notes());
    }

    public static Topic topic(GenericKubernetesResource r) {
        Fields f = new Fields();
        ResourceMeta meta = Meta.of(r);
        Map<String, Object> root = Meta.root(r);
        Map<String, Object> spec = f.map(root, "spec", "spec");
        Map<String, Object> status = f.map(root, "status", "status");
        String topicName = f.str(spec, "topicName", "spec.topicName");
        if (topicName == null) {
            topicName = f.str(status, "topicName", "status.topicName");
        }
        if (meta.strimziCluster() == null) {
            f.note("label strimzi.io/cluster is missing");
        }
        List<Condition> conditions = Meta.conditions(f, status);
        return new Topic(meta, meta.strimziCluster(), topicName == null ? meta.name() : topicName,
                f.integer(spec, "partitions", "spec.partitions", 1, Integer.MAX_VALUE),
                f.integer(spec, "replicas", "spec.replicas", 1, Short.MAX_VALUE),
                conditions, f.notes());
    }

    public static KafkaUserInfo user(GenericKubernetesResource r) {
        Fields f = new Fields();
        ResourceMeta meta = Meta.of(r);
        Map<String, Object> root = Meta.root(r);
        Map<String, Object> spec = f.map(root, "spec", "spec");
        Map<String, Object> status = f.map(root, "status", "status");
        if (meta.strimziCluster() == null) {
            f.note("label strimzi.io/cluster is missing");
        }
        String authn = f.str(f.map(spec, "authentication", "spec.authentication"), "type", "spec.authentication.type");
        String authz = f.str(f.map(spec, "authorization", "spec.authorization"), "type", "spec.authorization.type");
        List<Condition> conditions = Meta.conditions(f, status);
        return new KafkaUserInfo(meta, meta.strimziCluster(), authn, authz,
                f.str(status, "username", "status.username"), f.str(status, "secret", "status.secret"),
                conditions, f.notes());
    }

    public static ConnectCluster connect(GenericKubernetesResource r) {
        Fields f = new Fields();
        ResourceMeta meta = Meta.of(r);
        Map<String, Object> root = Meta.root(r);
        Map<String, Object> spec = f.map(root, "spec", "spec");
        Map<String, Object> status = f.map(root, "status", "status");
        List<Condition> conditions = Meta.conditions(f, status);
        return new ConnectCluster(meta, f.str(spec, "bootstrapServers", "spec.bootstrapServers"),
                f.str(status, "url", "status.url"), conditions, f.notes());
    }
}
