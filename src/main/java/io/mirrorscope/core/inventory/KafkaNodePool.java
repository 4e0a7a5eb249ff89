package io.mirrorscope.core.inventory;

import java.util.List;

/**
 * A {@code KafkaNodePool}: a group of nodes of one cluster (label {@code strimzi.io/cluster}).
 *
 * @param meta     identity and manifest
 * @param cluster  the Kafka resource it belongs to; null when the label is missing
 * @param replicas spec.replicas; null when missing
 * @param roles    spec.roles (broker, controller)
 * @param notes    reader notes
 */
public record KafkaNodePool(ResourceMeta meta, String cluster, Integer replicas, List<String> roles,
                            List<String> notes) {

    public KafkaNodePool {
        roles = List.copyOf(roles);
        notes = List.copyOf(notes);
    }

    public boolean isBroker() {
        return roles.contains("broker");
    }
}
