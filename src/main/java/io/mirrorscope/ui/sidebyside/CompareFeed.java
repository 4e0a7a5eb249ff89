package io.mirrorscope.ui.sidebyside;

import io.mirrorscope.core.mirror.MatchSnapshot;
import io.mirrorscope.core.records.RawRecord;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the side-by-side view needs from a compare run: the Kafka feed (reading both sides read-only into a
 * {@code RecordMatcher}) behind a small surface, so the view is tested with a fake feed on a real matcher.
 * Every method may be called from the FX thread and must not block: {@link #start}, {@link #seek} and
 * {@link #fetch} hand their work to the feed's own threads. {@link #snapshot()} returns the latest snapshot the
 * feed took (it takes one per pulse-sized interval, with enough {@code recentPairs} to cover the rows that can still
 * change); the view polls it once per pulse.
 */
public interface CompareFeed extends AutoCloseable {

    /** The two sides, for the header and the export. */
    record Sides(String sourceBootstrap, String sourceTopic, String targetBootstrap, String targetTopic,
            String mapping) {
    }

    /** A source record and its first copy, read in full for the detail pane; {@code target} empty when none. */
    record Pair(RawRecord source, Optional<RawRecord> target) {
    }

    Sides sides();

    /** Source partitions of the topic. */
    List<Integer> partitions();

    /**
     * Starts reading both sides.
     *
     * @param fromMillis source time to start at (the target starts where its copies of it are), -1 for "now"
     * @param partitions source partitions to compare, empty for all
     */
    void start(long fromMillis, Set<Integer> partitions);

    /** Stops both reads where they are; the snapshot stays. */
    void pause();

    void resume();

    /** Restarts both sides at a source time with a new matcher (counters start again). */
    void seek(long fromMillis, Set<Integer> partitions);

    /** True while both sides are read live (new records arrive); false for a paused or bounded run. */
    boolean live();

    /** The latest snapshot, null before the first. */
    MatchSnapshot snapshot();

    /** Value and header previews of a source record still held by the feed, {@link RecordPreview#NONE} if not. */
    RecordPreview preview(int partition, long offset);

    /**
     * Reads a source record and its first copy in full, on the feed's threads; the callback runs there too.
     *
     * @param targetPartition -1 when the record has no copy
     */
    void fetch(int partition, long offset, int targetPartition, long targetOffset,
            java.util.function.Consumer<Pair> done, java.util.function.Consumer<Exception> failed);

    /** Stops the reads and releases the consumers. */
    @Override
    void close();
}
