package io.mirrorscope.core.health;

import io.mirrorscope.core.inventory.Health;
import java.util.List;
import java.util.Locale;

/**
 * The data's verdict on one mirror link at one moment, immutable (safe to hand to any thread).
 *
 * @param spec        the link
 * @param atMillis    when it was judged
 * @param source      the source cluster
 * @param target      the target cluster
 * @param verdict     ok, degraded or failing
 * @param reasons     why the verdict is not ok, one sentence each; empty when ok
 * @param notes       things worth knowing that do not change the verdict (excluded topics, orphans, drift…)
 * @param topics      one row per topic: mirrored, not mirrored, orphan
 * @param heartbeats  the newest replicated heartbeat
 * @param checkpoints the newest checkpoint per group, topic and partition, with what a failover would do
 * @param transforms  what the mirror does to records, in sentences
 * @param crHealth    what the custom resource's status says (shown beside the verdict; the data wins)
 * @param offsetSyncs the newest offset sync per mirrored partition, with how far the source end is past it
 */
public record LinkHealth(LinkSpec spec, long atMillis, ClusterHealth source, ClusterHealth target, Verdict verdict,
                         List<String> reasons, List<String> notes, List<TopicHealth> topics,
                         HeartbeatHealth heartbeats, List<CheckpointHealth> checkpoints, List<String> transforms,
                         Health crHealth, List<OffsetSyncHealth> offsetSyncs) {

    public LinkHealth {
        reasons = List.copyOf(reasons);
        notes = List.copyOf(notes);
        topics = List.copyOf(topics);
        checkpoints = List.copyOf(checkpoints);
        transforms = List.copyOf(transforms);
        offsetSyncs = offsetSyncs == null ? List.of() : List.copyOf(offsetSyncs);
    }

    /**
     * The newest offset sync of a mirrored partition.
     *
     * @param topic        source topic
     * @param partition    partition
     * @param upstream     the source offset of the sync
     * @param downstream   the target offset it maps to
     * @param behindSource records on the source after the sync ({@code source end - upstream}); null when the source
     *                     end is unknown. A group committed past the sync fails over to {@code downstream} at best.
     */
    public record OffsetSyncHealth(String topic, int partition, long upstream, long downstream, Long behindSource) {
    }

    /**
     * One cluster of the link.
     *
     * @param alias            MM2 alias
     * @param bootstrap        bootstrap address
     * @param reachable        answered within the threshold
     * @param lastAnswerMillis when it last answered; null if never
     * @param problem          the last failure, one line; null when it answers
     */
    public record ClusterHealth(String alias, String bootstrap, boolean reachable, Long lastAnswerMillis,
                                String problem) {
        /** Milliseconds since the last answer at {@code now}; null when it never answered. */
        public Long sinceLastAnswerMs(long now) {
            return lastAnswerMillis == null ? null : Math.max(0, now - lastAnswerMillis);
        }
    }

    /** A topic's place in the link. */
    public enum TopicState {
        MIRRORED, NOT_MIRRORED, ORPHAN;

        /** {@code mirrored}, {@code not-mirrored}, {@code orphan}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One topic.
     *
     * @param source           source topic name (for an orphan: the name it would have)
     * @param target           target topic name
     * @param state            mirrored, not-mirrored or orphan
     * @param sourcePartitions partitions on the source; null when absent
     * @param targetPartitions partitions on the target; null when absent
     * @param endOffsetGap     sum over partitions of source end − target end; null unless mirrored and read
     * @param sourceRate       records/s arriving on the source over the trend window; null until two samples
     * @param targetRate       records/s arriving on the target over the same window
     * @param lagSeconds       the gap divided by the source rate: about how far behind in time; null without rate
     * @param configDrift      watched configs that differ
     * @param partitions       per partition
     * @param gapHistory       the topic's gap at each kept sample, oldest first (a sparkline)
     * @param note             why it is in this state ("excluded by topics.exclude", …); may be null
     */
    public record TopicHealth(String source, String target, TopicState state, Integer sourcePartitions,
                              Integer targetPartitions, Long endOffsetGap, Double sourceRate, Double targetRate,
                              Double lagSeconds, List<ConfigDrift> configDrift, List<PartitionHealth> partitions,
                              List<Long> gapHistory, String note) {
        public TopicHealth {
            configDrift = List.copyOf(configDrift);
            partitions = List.copyOf(partitions);
            gapHistory = List.copyOf(gapHistory);
        }
    }

    /**
     * One partition of a mirrored topic.
     *
     * @param partition  the partition
     * @param sourceEnd  source end offset; null when not read
     * @param targetEnd  target end offset; null when not read or absent
     * @param gap        {@code sourceEnd - targetEnd}
     * @param sourceRate records/s on the source over the trend window
     * @param targetRate records/s on the target
     */
    public record PartitionHealth(int partition, Long sourceEnd, Long targetEnd, Long gap, Double sourceRate,
                                  Double targetRate) {
    }

    /**
     * The newest heartbeat of the link.
     *
     * @param topic           the heartbeats topic on the target
     * @param newestTimestamp epoch ms of the newest heartbeat; null when none
     * @param ageMs           its age when judged; null when none
     * @param stale           older than the threshold
     * @param throughMirror   replicated from the source (true) or written on the target by MM2's heartbeat
     *                        connector (false: proves the connector runs, not that records flow)
     */
    public record HeartbeatHealth(String topic, Long newestTimestamp, Long ageMs, boolean stale,
                                  boolean throughMirror) {
    }

    /**
     * A group's checkpoint and what a failover would do with it.
     *
     * @param group            consumer group
     * @param topic            source topic
     * @param targetTopic      target topic
     * @param partition        partition
     * @param upstreamOffset   committed offset on the source
     * @param downstreamOffset translated offset on the target: where the group restarts after a failover
     * @param reReadEstimate   about how many records the group would read again; null when unknown
     * @param failover         the sentence ("failover now restarts at target offset N: about M records re-read")
     */
    public record CheckpointHealth(String group, String topic, String targetTopic, int partition, long upstreamOffset,
                                   long downstreamOffset, Long reReadEstimate, String failover) {
    }
}
