package io.mirrorscope.core.mirror;

import java.util.List;
import java.util.Map;

/**
 * An immutable view of a {@link RecordMatcher} at one moment, for the CLI, exports and the side-by-side view
 * (which takes one per pulse). Counters are exact for the whole run; the lists hold at most the configured number
 * of findings ({@link #findingsTruncated()} says when more exist) and the most recent pairs still in the window.
 *
 * @param pairing             how records were paired
 * @param compacted           true when paired by key because the topic is compacted
 * @param takenAt             the matcher's clock (epoch ms) when taken
 * @param sourceRecords       source records read in the window
 * @param targetRecords       target records read
 * @param matched             source records with at least one copy
 * @param missing             source records with no copy although the target delivered a later record of their
 *                            partition (or stayed idle for the grace period)
 * @param duplicates          extra copies (a record copied three times adds two)
 * @param pending             source records with no copy yet that may still arrive
 * @param expired             records deleted by retention on one side before their partner could be read
 * @param compactedAway       older versions of a key skipped on a compacted topic
 * @param targetUnmatched     target records whose source record is not in the source window (not a copy of any)
 * @param targetOutsideWindow target records that are copies of source records before or after the source window
 * @param overflow            source records pushed out of the window while still pending (window too small)
 * @param targetBacklog       target records waiting for their source record to be read
 * @param fingerprintMismatch copies whose source coordinates (headers, offset syncs) pointed at a record with
 *                            other content; they were then paired by order
 * @param delay               delay statistics of the pairs
 * @param partitions          per source partition: offsets, lag and counts
 * @param missingRecords      the missing records, oldest first
 * @param duplicateRecords    the duplicated records with every copy's offset, oldest first
 * @param findingsTruncated   true when there were more findings than listed
 * @param recentPairs         the most recent source records in the window and what became of them, newest last
 */
public record MatchSnapshot(Pairing pairing, boolean compacted, long takenAt, long sourceRecords, long targetRecords,
        long matched, long missing, long duplicates, long pending, long expired, long compactedAway,
        long targetUnmatched, long targetOutsideWindow, long overflow, long targetBacklog, long fingerprintMismatch,
        Delay delay, List<PartitionState> partitions, List<MissingRecord> missingRecords,
        List<DuplicateRecord> duplicateRecords, boolean findingsTruncated, List<PairRow> recentPairs) {

    public MatchSnapshot {
        partitions = List.copyOf(partitions);
        missingRecords = List.copyOf(missingRecords);
        duplicateRecords = List.copyOf(duplicateRecords);
        recentPairs = List.copyOf(recentPairs);
    }

    /** No missing record and no duplicate. */
    public boolean clean() {
        return missing == 0 && duplicates == 0;
    }

    /**
     * Delay of the pairs.
     *
     * @param method    the method most pairs were measured with ({@link DelayMethod#UNKNOWN} when none was)
     * @param measured  pairs with a measured delay
     * @param p50       median in ms, -1 when nothing was measured
     * @param p99       99th percentile in ms, -1 when nothing was measured
     * @param max       maximum in ms, -1 when nothing was measured
     * @param byMethod  pairs per method
     * @param histogram non-empty buckets: {upper bound ms, count}
     */
    public record Delay(DelayMethod method, long measured, long p50, long p99, long max,
            Map<DelayMethod, Long> byMethod, List<long[]> histogram) {
        public Delay {
            byMethod = Map.copyOf(byMethod);
            histogram = List.copyOf(histogram);
        }
    }

    /**
     * One source partition.
     *
     * @param partition    partition number
     * @param sourceBegin  earliest available source offset (latest known), -1 when unknown
     * @param sourceEnd    source end offset (latest known), -1 when unknown
     * @param targetBegin  earliest available offset of the same target partition, -1 when unknown
     * @param targetEnd    target end offset, -1 when unknown
     * @param lastMirrored highest source offset known copied (pairing or offset syncs), -1 when none
     * @param lag          source records after {@code lastMirrored} up to the source end
     * @param lagSeconds   age of the oldest record not known copied, 0 without lag
     * @param sourceRecords source records read
     * @param targetRecords target records read
     * @param missing      missing records
     * @param duplicates   extra copies
     * @param pending      records waiting for a copy
     */
    public record PartitionState(int partition, long sourceBegin, long sourceEnd, long targetBegin, long targetEnd,
            long lastMirrored, long lag, double lagSeconds, long sourceRecords, long targetRecords, long missing,
            long duplicates, long pending) {
    }

    /** A source record with no copy. */
    public record MissingRecord(int partition, long offset, long timestamp, String key) {
    }

    /**
     * A source record copied more than once.
     *
     * @param targetPartition the partition of the copies
     * @param targetOffsets   every copy's offset, the first copy first
     */
    public record DuplicateRecord(int partition, long sourceOffset, long timestamp, String key, int targetPartition,
            List<Long> targetOffsets) {
        public DuplicateRecord {
            targetOffsets = List.copyOf(targetOffsets);
        }
    }

    /** What became of a source record. */
    public enum PairState { MATCHED, MISSING, PENDING, EXPIRED, COMPACTED }

    /**
     * One row of the side-by-side view.
     *
     * @param targetPartition -1 when no copy
     * @param targetOffset    the first copy's offset, -1 when none
     * @param copies          number of copies read
     * @param delayMs         -1 when not measured
     */
    public record PairRow(int partition, long offset, long timestamp, String key, PairState state,
            int targetPartition, long targetOffset, int copies, long delayMs, DelayMethod method) {
    }
}
