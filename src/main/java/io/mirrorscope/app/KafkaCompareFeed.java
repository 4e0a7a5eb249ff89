package io.mirrorscope.app;

import io.mirrorscope.core.mirror.MatchSnapshot;
import io.mirrorscope.kafka.compare.LiveCompare;
import io.mirrorscope.ui.sidebyside.CompareFeed;
import io.mirrorscope.ui.sidebyside.RecordPreview;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * The side-by-side view's feed over Kafka: glue from {@link CompareFeed} (ui, which may not import kafka) to
 * {@link LiveCompare} (kafka/compare, which owns the threads, the consumers and the snapshots). Nothing here blocks.
 * Closing it closes the compare, then runs {@code afterClose} (the connections and tunnels behind it) on the
 * compare's control thread's heels, never on the FX thread.
 */
final class KafkaCompareFeed implements CompareFeed {

    private final LiveCompare compare;
    private final Sides sides;
    private final Runnable afterClose;

    KafkaCompareFeed(LiveCompare compare, Sides sides, Runnable afterClose) {
        this.compare = compare;
        this.sides = sides;
        this.afterClose = afterClose;
    }

    LiveCompare compare() {
        return compare;
    }

    @Override
    public Sides sides() {
        return sides;
    }

    @Override
    public List<Integer> partitions() {
        return compare.partitions();
    }

    @Override
    public void start(long fromMillis, Set<Integer> partitions) {
        compare.start(fromMillis, partitions);
    }

    @Override
    public void pause() {
        compare.pause();
    }

    @Override
    public void resume() {
        compare.resume();
    }

    @Override
    public void seek(long fromMillis, Set<Integer> partitions) {
        compare.start(fromMillis, partitions);
    }

    @Override
    public boolean live() {
        return compare.live();
    }

    @Override
    public MatchSnapshot snapshot() {
        return compare.snapshot();
    }

    @Override
    public RecordPreview preview(int partition, long offset) {
        return compare.preview(partition, offset).map(p -> new RecordPreview(p.value(), p.headers()))
                .orElse(RecordPreview.NONE);
    }

    @Override
    public void fetch(int partition, long offset, int targetPartition, long targetOffset, Consumer<Pair> done,
            Consumer<Exception> failed) {
        compare.fetch(partition, offset, targetPartition, targetOffset).whenComplete((records, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                failed.accept(cause instanceof Exception e ? e : new RuntimeException(cause));
            } else {
                done.accept(new Pair(records.source(), records.target()));
            }
        });
    }

    @Override
    public void close() {
        compare.close();
        Thread.ofVirtual().name("mirrorscope-compare-close").start(() -> {
            try {
                compare.awaitClosed(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            afterClose.run();
        });
    }
}
