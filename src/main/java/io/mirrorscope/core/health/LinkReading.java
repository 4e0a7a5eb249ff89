package io.mirrorscope.core.health;

import java.util.List;

/**
 * Everything read for one link in one round.
 *
 * @param atMillis    when the round finished
 * @param source      the source cluster's reading
 * @param target      the target cluster's reading
 * @param heartbeat   the newest replicated heartbeat on the target; null when not read
 * @param checkpoints the newest checkpoint per group, topic and partition on the target
 * @param offsetSyncs the newest offset sync per source topic and partition (MM2's offset-syncs topic)
 */
public record LinkReading(long atMillis, ClusterReading source, ClusterReading target, HeartbeatReading heartbeat,
                          List<CheckpointReading> checkpoints, List<OffsetSyncReading> offsetSyncs) {

    public LinkReading {
        checkpoints = checkpoints == null ? List.of() : List.copyOf(checkpoints);
        offsetSyncs = offsetSyncs == null ? List.of() : List.copyOf(offsetSyncs);
    }

    /** A reading without offset syncs. */
    public LinkReading(long atMillis, ClusterReading source, ClusterReading target, HeartbeatReading heartbeat,
                       List<CheckpointReading> checkpoints) {
        this(atMillis, source, target, heartbeat, checkpoints, List.of());
    }

    /**
     * The newest MM2 offset sync of one source partition: the source offset {@code upstream} was written to the
     * target at {@code downstream}. MM2 emits a sync only now and then (when the offsets drift apart, and at most
     * one in {@code offset.lag.max} records), so the newest is behind the source end even when all is well.
     *
     * @param topic      the source topic
     * @param partition  the partition
     * @param upstream   the source offset
     * @param downstream the target offset it was written at
     */
    public record OffsetSyncReading(String topic, int partition, long upstream, long downstream) {
    }

    /**
     * The newest heartbeat found.
     *
     * <p>MM2's heartbeat connector writes {@code heartbeats} on the cluster its Connect runs against (the target
     * under Strimzi); only heartbeats written on the source and replicated ({@code <alias>.heartbeats}) crossed the
     * mirror. Those are read when they exist; else the target's own topic (the connector is alive, which says
     * nothing about the records).
     *
     * @param topic           the heartbeats topic read
     * @param exists          whether that topic exists on the target
     * @param newestTimestamp the newest heartbeat's time (epoch ms); null when the topic holds none
     * @param throughMirror   true for replicated heartbeats, false for the target's own {@code heartbeats}
     */
    public record HeartbeatReading(String topic, boolean exists, Long newestTimestamp, boolean throughMirror) {
    }

    /**
     * One MM2 checkpoint (decoded {@code Checkpoint}).
     *
     * @param group            the consumer group
     * @param topic            the target topic, as MM2 writes it (the source topic renamed by the policy)
     * @param partition        the partition
     * @param upstreamOffset   the group's committed offset on the source
     * @param downstreamOffset the translated offset on the target
     */
    public record CheckpointReading(String group, String topic, int partition, long upstreamOffset,
                                    long downstreamOffset) {
    }
}
