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
 */
public record LinkReading(long atMillis, ClusterReading source, ClusterReading target, HeartbeatReading heartbeat,
                          List<CheckpointReading> checkpoints) {

    public LinkReading {
        checkpoints = checkpoints == null ? List.of() : List.copyOf(checkpoints);
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
