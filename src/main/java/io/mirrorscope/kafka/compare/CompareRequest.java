package io.mirrorscope.kafka.compare;

import io.mirrorscope.core.mirror.MatcherConfig;
import io.mirrorscope.core.mirror.Pairing;
import io.mirrorscope.core.mirror.TopicMapping;
import io.mirrorscope.core.records.StartPosition;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What to compare and for how long.
 *
 * <p>Bounded (no {@code duration}, not {@code live}): the source is read from {@code start} up to the offsets of
 * now − grace (copies of newer records may still be in flight), or {@code maxRecords} records; the target is read
 * until every source record is accounted for, or for at most the grace period after the source read ended (then
 * records still uncopied while the target idles are missing). With a {@code duration}, both sides are followed for
 * that long and records still uncopied at the end are pending. {@code live} follows until stopped.
 *
 * @param topics                source and target topic
 * @param start                 where both sides start ({@link StartPosition.Beginning} or {@link StartPosition.AtTime})
 * @param maxRecords            stop the source read after this many records; 0 for no limit
 * @param duration              follow both sides this long; null for a bounded run
 * @param live                  follow until stopped
 * @param grace                 how long a copy may take before its absence counts
 * @param window                source records kept in memory
 * @param pairing               a pairing to force, or null to choose (headers, offset syncs, compacted/key, order)
 * @param compacted             true/false to force, null to read the source topic's {@code cleanup.policy}
 * @param offsetSyncsTopic      MM2's offset-syncs topic to read, or null for none
 * @param offsetSyncsOnTarget   the syncs topic is on the target cluster ({@code offset-syncs.topic.location=target})
 * @param sourcePartitionHeader header naming a copy's source partition, or null
 * @param sourceOffsetHeader    header naming a copy's source offset, or null
 * @param partitions            source partitions to compare (and the same target partitions unless paired by key);
 *                              empty for all
 */
public record CompareRequest(TopicMapping topics, StartPosition start, long maxRecords, Duration duration,
        boolean live, Duration grace, int window, Pairing pairing, Boolean compacted, String offsetSyncsTopic,
        boolean offsetSyncsOnTarget, String sourcePartitionHeader, String sourceOffsetHeader,
        List<Integer> partitions) {

    public CompareRequest {
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(grace, "grace");
        partitions = partitions == null ? List.of() : List.copyOf(partitions);
        if (!(start instanceof StartPosition.Beginning) && !(start instanceof StartPosition.AtTime)) {
            throw new IllegalArgumentException("a compare starts at the beginning or at a time");
        }
        if (maxRecords < 0 || window < 1 || grace.isNegative()) {
            throw new IllegalArgumentException("records, window and grace must not be negative");
        }
    }

    /** From the beginning, bounded, 30 s grace, default window, pairing chosen, no offset syncs. */
    public static CompareRequest of(TopicMapping topics) {
        return new CompareRequest(topics, StartPosition.beginning(), 0, null, false,
                Duration.ofMillis(MatcherConfig.DEFAULT_GRACE_MILLIS), MatcherConfig.DEFAULT_WINDOW, null, null, null,
                false, null, null, List.of());
    }

    public CompareRequest withStart(StartPosition s) {
        return new CompareRequest(topics, s, maxRecords, duration, live, grace, window, pairing, compacted,
                offsetSyncsTopic, offsetSyncsOnTarget, sourcePartitionHeader, sourceOffsetHeader, partitions);
    }

    public CompareRequest withMaxRecords(long n) {
        return new CompareRequest(topics, start, n, duration, live, grace, window, pairing, compacted,
                offsetSyncsTopic, offsetSyncsOnTarget, sourcePartitionHeader, sourceOffsetHeader, partitions);
    }

    public CompareRequest withDuration(Duration d) {
        return new CompareRequest(topics, start, maxRecords, d, live, grace, window, pairing, compacted,
                offsetSyncsTopic, offsetSyncsOnTarget, sourcePartitionHeader, sourceOffsetHeader, partitions);
    }

    public CompareRequest withLive(boolean l) {
        return new CompareRequest(topics, start, maxRecords, duration, l, grace, window, pairing, compacted,
                offsetSyncsTopic, offsetSyncsOnTarget, sourcePartitionHeader, sourceOffsetHeader, partitions);
    }

    public CompareRequest withGrace(Duration g) {
        return new CompareRequest(topics, start, maxRecords, duration, live, g, window, pairing, compacted,
                offsetSyncsTopic, offsetSyncsOnTarget, sourcePartitionHeader, sourceOffsetHeader, partitions);
    }

    public CompareRequest withWindow(int w) {
        return new CompareRequest(topics, start, maxRecords, duration, live, grace, w, pairing, compacted,
                offsetSyncsTopic, offsetSyncsOnTarget, sourcePartitionHeader, sourceOffsetHeader, partitions);
    }

    public CompareRequest withPairing(Pairing p) {
        return new CompareRequest(topics, start, maxRecords, duration, live, grace, window, p, compacted,
                offsetSyncsTopic, offsetSyncsOnTarget, sourcePartitionHeader, sourceOffsetHeader, partitions);
    }

    public CompareRequest withCompacted(Boolean c) {
        return new CompareRequest(topics, start, maxRecords, duration, live, grace, window, pairing, c,
                offsetSyncsTopic, offsetSyncsOnTarget, sourcePartitionHeader, sourceOffsetHeader, partitions);
    }

    public CompareRequest withOffsetSyncs(String topic, boolean onTarget) {
        return new CompareRequest(topics, start, maxRecords, duration, live, grace, window, pairing, compacted,
                topic, onTarget, sourcePartitionHeader, sourceOffsetHeader, partitions);
    }

    public CompareRequest withSourceHeaders(String partitionHeader, String offsetHeader) {
        return new CompareRequest(topics, start, maxRecords, duration, live, grace, window, pairing, compacted,
                offsetSyncsTopic, offsetSyncsOnTarget, partitionHeader, offsetHeader, partitions);
    }

    public CompareRequest withPartitions(java.util.Collection<Integer> p) {
        return new CompareRequest(topics, start, maxRecords, duration, live, grace, window, pairing, compacted,
                offsetSyncsTopic, offsetSyncsOnTarget, sourcePartitionHeader, sourceOffsetHeader,
                p == null ? List.of() : p.stream().sorted().toList());
    }

    /** True for a run that reads the source up to now − grace and then stops. */
    public boolean bounded() {
        return duration == null && !live;
    }
}
