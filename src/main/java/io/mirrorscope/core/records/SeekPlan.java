package io.mirrorscope.core.records;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where to start and (for a bounded read) where to stop in each partition. Pure: the caller fetches begin/end
 * offsets and, for {@link StartPosition.AtTime}, the offsets for that time, and hands them in.
 *
 * <p>Rules (as StreamsHub Console and kafbat read): offsets are clamped to {@code [begin, end]}; an offset-for-time
 * of {@code null} means "nothing at or after T", so the partition starts at its end; records stamped before T are
 * hidden even when they come after the found offset (CreateTime is not monotonic). A bounded read drops the
 * partitions with nothing between start and stop; a follow keeps them, since records may still arrive.
 *
 * @param starts          one entry per partition to read, by partition number
 * @param minTimestamp    records with an earlier timestamp are not shown; {@code Long.MIN_VALUE} for no limit
 */
public record SeekPlan(List<PartitionStart> starts, long minTimestamp) {

    /** Reading one partition: from {@code start} up to (not including) {@code stop}. */
    public record PartitionStart(int partition, long start, long stop) {
        /** True when a bounded read has nothing to read here. */
        public boolean isDone(long position) {
            return position >= stop;
        }
    }

    public SeekPlan {
        starts = List.copyOf(starts);
    }

    /**
     * Plans a read.
     *
     * @param ranges         begin/end offsets of the partitions to read
     * @param position       where to start
     * @param offsetsForTime for {@link StartPosition.AtTime}: partition → first offset at or after the time, or
     *                       null (or absent) when there is none; ignored otherwise
     * @param follow         true for a live tail (keep partitions with nothing to read yet)
     */
    public static SeekPlan plan(List<PartitionRange> ranges, StartPosition position,
            Map<Integer, Long> offsetsForTime, boolean follow) {
        Objects.requireNonNull(position, "position");
        List<PartitionStart> starts = new ArrayList<>(ranges.size());
        for (PartitionRange range : ranges.stream().sorted(Comparator.comparingInt(PartitionRange::partition))
                .toList()) {
            long start = switch (position) {
                case StartPosition.Beginning b -> range.begin();
                case StartPosition.End e -> range.end();
                case StartPosition.AtOffset o -> range.clamp(o.offset());
                case StartPosition.LastN n -> range.clamp(range.end() - n.count());
                case StartPosition.AtTime t -> {
                    Long found = offsetsForTime == null ? null : offsetsForTime.get(range.partition());
                    yield found == null ? range.end() : range.clamp(found);
                }
            };
            if (follow || start < range.end()) {
                starts.add(new PartitionStart(range.partition(), start, range.end()));
            }
        }
        long minTimestamp = position instanceof StartPosition.AtTime t ? t.epochMillis() : Long.MIN_VALUE;
        return new SeekPlan(starts, minTimestamp);
    }

    /** True when a record with this timestamp is to be shown. */
    public boolean shows(long timestamp) {
        return timestamp >= minTimestamp;
    }

    /** True when a bounded read has nothing at all to read. */
    public boolean isEmpty() {
        return starts.isEmpty();
    }

    /** The partition numbers in this plan, in order. */
    public List<Integer> partitions() {
        return starts.stream().map(PartitionStart::partition).toList();
    }
}
