package io.mirrorscope.bench;

import io.mirrorscope.core.mirror.MatchSnapshot;
import io.mirrorscope.core.mirror.MatcherConfig;
import io.mirrorscope.core.mirror.RecordMatcher;
import io.mirrorscope.core.mirror.RecordSummary;
import io.mirrorscope.ui.sidebyside.PairTableModel;
import io.mirrorscope.ui.sidebyside.RecordPreview;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one live snapshot costs, by the number of recent pairs it carries: the compare thread builds it
 * ({@code take}: {@link RecordMatcher#snapshot(int)} over a full 200,000-record window of matched records) and the FX
 * thread merges it into a table that already holds those rows ({@code merge}: nothing changed, the idle case). A live
 * compare used to carry a fixed 1,000 pairs every 250 ms; it now carries the records read since the last snapshot
 * plus the pending ones plus 64: 64 when idle, about 2,600 at 10,000 records/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CompareSnapshotBenchmark {

    @Param({"64", "1000", "2564", "20000"})
    public int recent;

    RecordMatcher matcher;
    PairTableModel table;
    MatchSnapshot snapshot;

    @Setup
    public void fill() {
        List<RecordSummary> source = new ArrayList<>();
        List<RecordSummary> target = new ArrayList<>();
        MatcherBenchmark.generate(new Random(7), source, target);
        matcher = new RecordMatcher(MatcherConfig.defaults(), null, 1_700_000_000_000L);
        for (int i = 0; i < 300_000; i++) {
            matcher.addSource(source.get(i));
            matcher.addTarget(target.get(i));
        }
        snapshot = matcher.snapshot(recent);
        table = new PairTableModel(100_000);
        table.merge(snapshot, (p, o) -> RecordPreview.NONE);
    }

    @Benchmark
    public MatchSnapshot take() {
        return matcher.snapshot(recent);
    }

    @Benchmark
    public int merge() {
        return table.merge(snapshot, (p, o) -> RecordPreview.NONE).updated();
    }
}
