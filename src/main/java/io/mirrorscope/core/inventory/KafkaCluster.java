package io.mirrorscope.core.inventory;

import java.util.List;

/**
 * A {@code Kafka} resource of any Strimzi version, mapped onto one shape.
 *
 * @param meta           identity and manifest
 * @param conditions     status conditions
 * @param kafkaVersion   status.kafkaVersion, else spec.kafka.version; null when neither is set
 * @param metadataMode   ZooKeeper, KRaft, or unknown
 * @param brokers        number of brokers: spec.kafka.replicas, or the sum of the broker node pools when the
 *                       cluster uses node pools; null when unknown
 * @param usesNodePools  true when replicas live in KafkaNodePools (annotation or v1)
 * @param listeners      spec listeners joined with status listeners
 * @param clusterId      status.clusterId; may be null
 * @param notes          what the reader could not make sense of (wrong types, missing spec); empty when fine
 */
public record KafkaCluster(ResourceMeta meta, List<Condition> conditions, String kafkaVersion,
                           MetadataMode metadataMode, Integer brokers, boolean usesNodePools,
                           List<Listener> listeners, String clusterId, List<String> notes) {

    public KafkaCluster {
        conditions = List.copyOf(conditions);
        listeners = List.copyOf(listeners);
        notes = List.copyOf(notes);
    }

    public String name() {
        return meta.name();
    }

    public String namespace() {
        return meta.namespace();
    }

    public boolean ready() {
        return Condition.ready(conditions);
    }

    public Health health() {
        return Condition.health(conditions);
    }

    /** The same cluster with its broker count replaced (node pools are read separately). */
    public KafkaCluster withBrokers(Integer count) {
        return new KafkaCluster(meta, conditions, kafkaVersion, metadataMode, count, usesNodePools, listeners,
                clusterId, notes);
    }
}
