package io.mirrorscope.kafka;

import io.mirrorscope.core.Problem;
import io.mirrorscope.core.records.PartitionRange;
import io.mirrorscope.core.records.RawRecord;
import io.mirrorscope.core.records.SeekPlan;
import java.util.List;

/** Where a {@link PartitionTailer} delivers; all methods are called on the consumer's own thread. */
public interface RecordSink {

    /** The partitions' offsets and the plan, once per (re)seek, before any record of it. */
    default void planned(List<PartitionRange> ranges, SeekPlan plan) {
    }

    /**
     * A batch of records, in poll order.
     *
     * @return false to stop reading (e.g. a limit was reached)
     */
    boolean accept(List<RawRecord> batch);

    /**
     * The brokers stopped answering, or answer again ({@link TailHealth}); called on a change only, within about
     * ten seconds of it. Reading goes on meanwhile: the client keeps retrying.
     */
    default void health(TailHealth health) {
    }

    /** Reading ended: {@code problem} is null when it ended normally (end offsets reached, stopped, limit). */
    default void finished(Problem problem) {
    }
}
