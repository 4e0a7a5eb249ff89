package io.mirrorscope.ui.browser;

import io.mirrorscope.core.records.PartitionRange;

/** A row of the partition table: number, begin and end offsets, and how many offsets lie between. */
public record PartitionRow(int partition, long begin, long end) {

    static PartitionRow of(PartitionRange r) {
        return new PartitionRow(r.partition(), r.begin(), r.end());
    }

    public int getPartition() {
        return partition;
    }

    public long getBegin() {
        return begin;
    }

    public long getEnd() {
        return end;
    }

    public long getCount() {
        return end - begin;
    }
}
