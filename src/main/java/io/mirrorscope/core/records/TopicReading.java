package io.mirrorscope.core.records;

import io.mirrorscope.core.Problem;
import java.util.List;

/**
 * What a topic browser needs from a cluster, in core terms (the Kafka adapter implements it; view models and their
 * tests see only this). The first two calls block and run on the I/O executor; {@link #open} returns at once and
 * reads on its own thread into the given buffer.
 */
public interface TopicReading {

    /** Topic names, sorted, internal topics left out. */
    List<String> topics();

    /** Begin and end offsets of every partition of the topic. */
    List<PartitionRange> partitions(String topic);

    /**
     * Reads the one record at {@code offset} again (blocking; the I/O executor calls it). A table that keeps only
     * previews asks for the full record when the detail pane shows it. Empty when the offset no longer exists.
     */
    java.util.Optional<RawRecord> record(String topic, int partition, long offset);

    /**
     * Starts reading into {@code buffer}.
     *
     * @param partitions partitions to read; empty for all
     * @param follow     keep reading new records (live tail) instead of stopping at the end offsets
     * @param onEnd      called once on the reading thread when reading ends; the problem is null on a normal end
     */
    Tail open(String topic, List<Integer> partitions, StartPosition start, boolean follow, double rateLimit,
            RecordBuffer buffer, java.util.function.Consumer<Problem> onEnd);

    /** A running read. Thread-safe. */
    interface Tail {
        void pause();

        void resume();

        /** Stops reading and releases the consumer. */
        void stop();

        /** Records per second the read may take in; 0 for no limit. */
        void setRateLimit(double recordsPerSecond);

        /** Records per second taken in over the last second. */
        double rate();
    }
}
