package io.mirrorscope.kafka.compare;

import io.mirrorscope.core.mirror.MatchSnapshot;
import io.mirrorscope.core.mirror.Pairing;
import io.mirrorscope.core.mirror.TopicMapping;
import java.util.List;

/**
 * The outcome of a compare: the matcher's snapshot and how the run went.
 *
 * @param sourceBootstrap   the source's bootstrap servers
 * @param targetBootstrap   the target's bootstrap servers
 * @param topics            source and target topic
 * @param pairing           the pairing used
 * @param pairingReason     why that pairing ("offset syncs read", "target has 3 partitions, source 12", …)
 * @param offsetSyncs       offset syncs of the topic read (0 when not read)
 * @param notes             anything the user should know (syncs not readable, window overflow, …)
 * @param sourceOffsets     per source partition: offsets at the start and at the end of the run
 * @param targetOffsets     per target partition: offsets at the start and at the end of the run
 * @param startedAt         epoch ms
 * @param endedAt           epoch ms
 * @param snapshot          the matcher's counters and findings at the end
 */
public record CompareResult(String sourceBootstrap, String targetBootstrap, TopicMapping topics, Pairing pairing,
        String pairingReason, long offsetSyncs, List<String> notes, List<PartitionOffsets> sourceOffsets,
        List<PartitionOffsets> targetOffsets, long startedAt, long endedAt, MatchSnapshot snapshot) {

    public CompareResult {
        notes = List.copyOf(notes);
        sourceOffsets = List.copyOf(sourceOffsets);
        targetOffsets = List.copyOf(targetOffsets);
    }

    /** Earliest and end offsets of a partition when the run started and when it ended, and where it read from. */
    public record PartitionOffsets(int partition, long readFrom, long beginAtStart, long endAtStart, long beginAtEnd,
            long endAtEnd) {
    }
}
