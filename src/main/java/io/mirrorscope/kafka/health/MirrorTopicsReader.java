package io.mirrorscope.kafka.health;

import io.mirrorscope.core.health.LinkReading;
import io.mirrorscope.core.health.PartitionKey;
import io.mirrorscope.kafka.compare.OffsetSyncReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.mirror.Checkpoint;
import org.apache.kafka.connect.mirror.Heartbeat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads MirrorMaker 2's heartbeats, checkpoints and offset-syncs topics on one cluster with one read-only consumer
 * (assign + seek, no group), decoding with {@code connect-mirror-client}'s {@link Heartbeat} and
 * {@link Checkpoint}, and the compare engine's {@link OffsetSyncReader#decode} for syncs. It keeps its position
 * between rounds, so each round reads only what is new: heartbeats start near the end (only the newest matters),
 * checkpoints and offset syncs from the beginning (both are compacted by key, and every group's newest checkpoint
 * and every partition's newest sync matter). Used by one thread at a time (the monitor's task for this cluster).
 */
final class MirrorTopicsReader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MirrorTopicsReader.class);

    private final Consumer<byte[], byte[]> consumer;
    private final Set<TopicPartition> assigned = new HashSet<>();
    private final Map<String, Long> newestHeartbeat = new HashMap<>();
    /** checkpoints topic → (group, source partition) → newest checkpoint. */
    private final Map<String, Map<String, LinkReading.CheckpointReading>> checkpoints = new HashMap<>();
    /** offset-syncs topic → source topic-partition → newest sync. */
    private final Map<String, Map<TopicPartition, LinkReading.OffsetSyncReading>> syncs = new HashMap<>();
    private Set<String> syncTopics = Set.of();

    MirrorTopicsReader(Consumer<byte[], byte[]> consumer) {
        this.consumer = consumer;
    }

    /**
     * Reads up to the given end offsets (or until {@code budget} runs out).
     *
     * @param heartbeatTopics   heartbeats topics to follow, with their end offsets
     * @param checkpointTopics  checkpoints topics to follow
     * @param syncTopics        offset-syncs topics to follow
     * @param ends              end offsets of their partitions
     */
    void catchUp(Set<String> heartbeatTopics, Set<String> checkpointTopics, Set<String> syncTopics,
                 Map<PartitionKey, Long> ends, Duration budget) {
        this.syncTopics = syncTopics;
        Map<TopicPartition, Long> wanted = new HashMap<>();
        ends.forEach((pk, end) -> {
            if (end != null && (heartbeatTopics.contains(pk.topic()) || checkpointTopics.contains(pk.topic())
                    || syncTopics.contains(pk.topic()))) {
                wanted.put(new TopicPartition(pk.topic(), pk.partition()), end);
            }
        });
        if (!wanted.keySet().equals(assigned)) {
            Set<TopicPartition> fresh = new HashSet<>(wanted.keySet());
            fresh.removeAll(assigned);
            consumer.assign(wanted.keySet());
            assigned.clear();
            assigned.addAll(wanted.keySet());
            for (TopicPartition tp : fresh) {
                long end = wanted.get(tp);
                // a heartbeat per second per source: the last few are enough; checkpoints: all (compacted)
                consumer.seek(tp, heartbeatTopics.contains(tp.topic()) ? Math.max(0, end - 10) : 0);
            }
        }
        long deadline = System.nanoTime() + budget.toNanos();
        while (!caughtUp(wanted) && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                accept(r, heartbeatTopics);
            }
        }
    }

    private boolean caughtUp(Map<TopicPartition, Long> wanted) {
        for (Map.Entry<TopicPartition, Long> e : wanted.entrySet()) {
            if (consumer.position(e.getKey(), Duration.ofSeconds(2)) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void accept(ConsumerRecord<byte[], byte[]> r, Set<String> heartbeatTopics) {
        if (r.key() == null || r.value() == null) {
            return;
        }
        try {
            if (syncTopics.contains(r.topic())) {
                OffsetSyncReader.Sync sync = OffsetSyncReader.decode(r.key(), r.value());
                if (sync != null) {
                    // records come in offset order per partition: the last one read is the newest
                    syncs.computeIfAbsent(r.topic(), t -> new HashMap<>()).put(new TopicPartition(sync.topic(),
                            sync.partition()), new LinkReading.OffsetSyncReading(sync.topic(), sync.partition(),
                            sync.upstream(), sync.downstream()));
                }
            } else if (heartbeatTopics.contains(r.topic())) {
                Heartbeat h = Heartbeat.deserializeRecord(r);
                newestHeartbeat.merge(r.topic(), h.timestamp(), Math::max);
                newestHeartbeat.merge(r.topic() + "\u0000" + h.sourceClusterAlias(), h.timestamp(), Math::max);
            } else {
                Checkpoint c = Checkpoint.deserializeRecord(r);
                TopicPartition tp = c.topicPartition();
                checkpoints.computeIfAbsent(r.topic(), t -> new HashMap<>()).put(c.consumerGroupId() + "\u0000" + tp,
                        new LinkReading.CheckpointReading(c.consumerGroupId(), tp.topic(), tp.partition(),
                                c.upstreamOffset(), c.downstreamOffset()));
            }
        } catch (RuntimeException e) {
            // a record of another format (an older MM2, a foreign writer): skip it, keep the rest
            LOG.debug("cannot decode {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.toString());
        }
    }

    /** The newest heartbeat time seen in a topic, from one source alias or (null) any; null when none. */
    Long newestHeartbeat(String topic, String sourceAlias) {
        return newestHeartbeat.get(sourceAlias == null ? topic : topic + "\u0000" + sourceAlias);
    }

    /** The newest checkpoint per group and partition in a checkpoints topic. */
    List<LinkReading.CheckpointReading> checkpoints(String topic) {
        return new ArrayList<>(checkpoints.getOrDefault(topic, Map.of()).values());
    }

    /** The newest offset sync per source partition read from an offset-syncs topic. */
    List<LinkReading.OffsetSyncReading> offsetSyncs(String topic) {
        return new ArrayList<>(syncs.getOrDefault(topic, Map.of()).values());
    }

    @Override
    public void close() {
        consumer.close();
    }
}
