package io.mirrorscope.core.records;

/**
 * What a partition holds right now: offsets {@code [begin, end)} ({@code end} is the next offset to be written,
 * or the last stable offset under read_committed).
 */
public record PartitionRange(int partition, long begin, long end) {

    public PartitionRange {
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("bad range for partition " + partition + ": [" + begin + ", " + end
                    + ")");
        }
    }

    /** True when the partition holds no record. */
    public boolean isEmpty() {
        return begin == end;
    }

    /** Number of offsets in the range (records, transaction markers and compacted gaps included). */
    public long size() {
        return end - begin;
    }

    /** {@code offset} moved into {@code [begin, end]}. */
    public long clamp(long offset) {
        return Math.max(begin, Math.min(end, offset));
    }
}
