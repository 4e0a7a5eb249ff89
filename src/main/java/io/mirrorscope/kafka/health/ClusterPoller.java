package io.mirrorscope.kafka.health;

import io.mirrorscope.core.ProblemException;
import io.mirrorscope.core.health.ClusterReading;
import io.mirrorscope.core.health.PartitionKey;
import io.mirrorscope.kafka.ConnectionSettings;
import io.mirrorscope.kafka.ConsumerOptions;
import io.mirrorscope.kafka.KafkaProblems;
import io.mirrorscope.kafka.ReadOnlyAdmin;
import io.mirrorscope.kafka.ReadOnlyClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * One cluster's reads for a health round, whatever number of links use it: one DescribeCluster (does it answer),
 * one topic list, a Metadata request for new topics (all of them again with the configs), one batched ListOffsets
 * for all their partitions (the Admin client splits it per leader, not per partition), DescribeConfigs now and
 * then, and the MM2
 * heartbeats and checkpoints through one consumer. The Admin client and the consumer live as long as the poller:
 * they reconnect by themselves when a broker comes back.
 */
final class ClusterPoller implements AutoCloseable {

    /**
     * What the links want from this cluster this round.
     *
     * @param relevant         the topics whose partitions and end offsets are read
     * @param configWanted     among those, the topics whose configs are compared
     * @param heartbeatTopics  MM2 heartbeats topics to follow
     * @param checkpointTopics MM2 checkpoints topics to follow
     * @param syncTopics       MM2 offset-syncs topics to follow
     * @param readConfigs      whether configs are read this round
     */
    record Demand(Predicate<String> relevant, Predicate<String> configWanted, Set<String> heartbeatTopics,
                  Set<String> checkpointTopics, Set<String> syncTopics, boolean readConfigs) {
    }

    private final ConnectionSettings settings;
    private final ConsumerOptions options;
    private ReadOnlyAdmin admin;
    /** Partition counts change rarely (MM2 syncs them every 10 minutes): described again only with the configs. */
    private final Map<String, Integer> knownCounts = new HashMap<>();
    private MirrorTopicsReader mirrorTopics;

    ClusterPoller(ConnectionSettings settings, Duration callTimeout) {
        this.settings = settings;
        this.options = ConsumerOptions.DEFAULTS.withApiTimeout(callTimeout);
    }

    ConnectionSettings settings() {
        return settings;
    }

    /** One round; never throws: a cluster that fails any read is reported as not answering, with the reason. */
    ClusterReading read(Demand demand) {
        try {
            return readOrThrow(demand);
        } catch (ProblemException e) {
            return ClusterReading.unanswered(System.currentTimeMillis(), e.problem().oneLine());
        } catch (RuntimeException e) {
            return ClusterReading.unanswered(System.currentTimeMillis(),
                    KafkaProblems.from(e, settings).oneLine());
        }
    }

    private ClusterReading readOrThrow(Demand demand) {
        if (admin == null) {
            admin = ReadOnlyClients.admin(settings, options);
        }
        admin.describeCluster();
        Set<String> names = admin.topicNames(false);
        List<String> relevant = names.stream().filter(demand.relevant()).toList();
        if (demand.readConfigs()) {
            knownCounts.clear();
        }
        knownCounts.keySet().retainAll(names);
        List<String> unknown = relevant.stream().filter(t -> !knownCounts.containsKey(t)).toList();
        if (!unknown.isEmpty()) {
            for (Map.Entry<String, TopicDescription> e : admin.describeTopics(unknown).entrySet()) {
                knownCounts.put(e.getKey(), e.getValue().partitions().size());
            }
        }
        Map<String, Integer> counts = new HashMap<>();
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : relevant) {
            Integer n = knownCounts.get(topic);
            if (n != null) {
                counts.put(topic, n);
                for (int p = 0; p < n; p++) {
                    partitions.add(new TopicPartition(topic, p));
                }
            }
        }
        Map<PartitionKey, Long> ends = new HashMap<>();
        if (!partitions.isEmpty()) {
            admin.endOffsets(partitions, IsolationLevel.READ_UNCOMMITTED).forEach((tp, end) -> {
                if (end != null) {
                    ends.put(new PartitionKey(tp.topic(), tp.partition()), end);
                }
            });
        }
        Map<String, Map<String, String>> configs = Map.of();
        if (demand.readConfigs()) {
            List<String> wanted = relevant.stream().filter(demand.configWanted()).toList();
            configs = wanted.isEmpty() ? Map.of() : admin.describeTopicConfigs(wanted);
        }
        boolean mirrorTopicsHere = relevant.stream().anyMatch(t -> demand.heartbeatTopics().contains(t)
                || demand.checkpointTopics().contains(t) || demand.syncTopics().contains(t));
        if (mirrorTopicsHere) {
            if (mirrorTopics == null) {
                mirrorTopics = new MirrorTopicsReader(ReadOnlyClients.consumer(settings, options));
            }
            mirrorTopics.catchUp(demand.heartbeatTopics(), demand.checkpointTopics(), demand.syncTopics(), ends,
                    options.apiTimeout());
        }
        return new ClusterReading(System.currentTimeMillis(), true, null, names, counts, ends, configs);
    }

    /** The newest heartbeat time read from a topic of this cluster; null when none. */
    Long newestHeartbeat(String topic, String sourceAlias) {
        return mirrorTopics == null ? null : mirrorTopics.newestHeartbeat(topic, sourceAlias);
    }

    /** The checkpoints read from a topic of this cluster. */
    List<io.mirrorscope.core.health.LinkReading.CheckpointReading> checkpoints(String topic) {
        return mirrorTopics == null ? List.of() : mirrorTopics.checkpoints(topic);
    }

    /** The newest offset syncs read from a topic of this cluster. */
    List<io.mirrorscope.core.health.LinkReading.OffsetSyncReading> offsetSyncs(String topic) {
        return mirrorTopics == null ? List.of() : mirrorTopics.offsetSyncs(topic);
    }

    @Override
    public void close() {
        if (mirrorTopics != null) {
            mirrorTopics.close();
        }
        if (admin != null) {
            admin.close();
        }
    }
}
