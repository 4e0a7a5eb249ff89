package io.mirrorscope.core.inventory;

import java.util.List;

/**
 * A {@code KafkaTopic}.
 *
 * @param meta       identity and manifest
 * @param cluster    label {@code strimzi.io/cluster}; null when missing
 * @param topicName  the Kafka topic name: spec.topicName, else status.topicName, else metadata.name
 * @param partitions spec.partitions; null when unset (broker default)
 * @param replicas   spec.replicas; null when unset
 * @param conditions status conditions
 * @param notes      reader notes
 */
public record Topic(ResourceMeta meta, String cluster, String topicName, Integer partitions, Integer replicas,
                    List<Condition> conditions, List<String> notes) {

    public Topic {
        conditions = List.copyOf(conditions);
        notes = List.copyOf(notes);
    }

    public boolean ready() {
        return Condition.ready(conditions);
    }
}
