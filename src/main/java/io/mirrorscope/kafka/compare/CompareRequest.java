package io.mirrorscope.kafka.compare;

import io.mirrorscope.core.mirror.MatcherConfig;
import io.mirrorscope.core.mirror.Pairing;
import io.mirrorscope.core.mirror.TopicMapping;
import io.mirrorscope.core.records.StartPosition;
import java.time.Duration;
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
 */
public record CompareRequest(TopicMapping topics, StartPosition start, long maxRecords, Duration duration,
        boolean live, Duration grace, int window, Pairing pairing, Boolean compacted, String offsetSyncsTopic,
        boolean offsetSyncsOnTarget, String sourcePartitionHeader, String sourceOffsetHeader) {

    public CompareRequest {
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(grace, "grace");
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
                false, null, null);
    }

    public CompareRequest withStart(StartPosition s) {
        return new CompareRequest(topics, s, maxRecords, duration, live, grace, window, pairing, compacted,
                offsetSyncsTopic, offsetSyncsOnTarget, sourcePartitionHeader, sourceOffsetHeader);
    }

    public CompareRequest withMaxRecords(long n) {
        return new CompareRequest(topics, start, n, duration, live, grace, window, pairing, compacted,
                offsetSyncsTopic, offsetSyncsOnTarget, sourcePartitionHeader, sourceOffsetHeader);
    }

    public CompareRequest withDuration(Duration d) {
        return new CompareRequest(topics, start, maxRecords, d, live, grace, window, pairing, compacted,
                offsetSyncsTopic, offsetSyncsOnTarget, sourcePartitionHeader, sourceOffsetHeader);
    }

    public CompareRequest withLive(boolean l) {
        return new CompareRequest(topics, start, maxRecords, duration, l, grace, window, pairing, compacted,
                offsetSyncsTopic, offsetSyncsOnTarget, sourcePartitionHeader, sourceOffsetHeader);
    }

    public CompareRequest withGrace(Duration g) {
        return new CompareRequest(topics, start, maxRecords, duration, live, g, window, pairing, compacted,
                offsetSyncsTopic, offsetSyncsOnTarget, sourcePartitionHeader, sourceOffsetHeader);
    }

    public CompareRequest withWindow(int w) {
        return new CompareRequest(topics, start, maxRecords, duration, live, grace, w, pairing, compacted,
                offsetSyncsTopic, offsetSyncsOnTarget, sourcePartitionHeader, sourceOffsetHeader);
    }

    public CompareRequest withPairing(Pairing p) {
        return new CompareRequest(topics, start, maxRecords, duration, live, grace, window, p, compacted,
                offsetSyncsTopic, offsetSyncsOnTarget, sourcePartitionHeader, sourceOffsetHeader);
    }

    public CompareRequest withCompacted(Boolean c) {
        return new CompareRequest(topics, start, maxRecords, duration, live, grace, window, pairing, c,
                offsetSyncsTopic, offsetSyncsOnTarget, sourcePartitionHeader, sourceOffsetHeader);
    }

    public CompareRequest withOffsetSyncs(String topic, boolean onTarget) {
        return new CompareRequest(topics, start, maxRecords, duration, live, grace, window, pairing, compacted,
                topic, onTarget, sourcePartitionHeader, sourceOffsetHeader);
    }

    public CompareRequest withSourceHeaders(String partitionHeader, String offsetHeader) {
        return new CompareRequest(topics, start, maxRecords, duration, live, grace, window, pairing, compacted,
                offsetSyncsTopic, offsetSyncsOnTarget, partitionHeader, offsetHeader);
    }

    /** True for a run that reads the source up to now − grace and then stops. */
    public boolean bounded() {
        return duration == null && !live;
    }
}
