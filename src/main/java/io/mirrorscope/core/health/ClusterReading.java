package io.mirrorscope.core.health;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;

/**
 * One round of reads from one cluster, as far as it got.
 *
 * @param atMillis        when the round finished
 * @param answered        whether the brokers answered the metadata request
 * @param problem         what failed, one line; null when it answered
 * @param topics          every topic name on the cluster (null: the keys of {@code partitionCounts})
 * @param partitionCounts topic → partition count, for the topics the links care about (empty when it did not
 *                        answer); kept sorted by name
 * @param endOffsets      end offset per partition read
 * @param topicConfigs    topic → config, for the topics whose configs were read this round; may be empty (configs
 *                        are read less often than offsets: the tracker keeps the last ones)
 */
public record ClusterReading(long atMillis, boolean answered, String problem, Set<String> topics,
                             Map<String, Integer> partitionCounts, Map<PartitionKey, Long> endOffsets,
                             Map<String, Map<String, String>> topicConfigs) {

    public ClusterReading {
        // sorted once here, not once per link: 100 links share a cluster's reading
        partitionCounts = partitionCounts == null ? Collections.emptySortedMap()
                : Collections.unmodifiableSortedMap(new TreeMap<>(partitionCounts));
        topics = topics == null ? partitionCounts.keySet() : Set.copyOf(topics);
        endOffsets = endOffsets == null ? Map.of() : Map.copyOf(endOffsets);
        topicConfigs = topicConfigs == null ? Map.of() : Map.copyOf(topicConfigs);
    }

    /** A cluster that did not answer. */
    public static ClusterReading unanswered(long atMillis, String problem) {
        return new ClusterReading(atMillis, false, problem, Set.of(), Map.of(), Map.of(), Map.of());
    }
}
