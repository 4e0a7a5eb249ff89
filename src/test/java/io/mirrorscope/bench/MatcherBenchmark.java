package io.mirrorscope.bench;

import io.mirrorscope.core.mirror.MatcherConfig;
import io.mirrorscope.core.mirror.RecordMatcher;
import io.mirrorscope.core.mirror.RecordSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Matcher bar (issue 13: ≥ 2,000,000 pairs/s on one core): 1,000,000 source records over 12 partitions and their
 * copies (0.1 % dropped, 0.1 % in re-sent ranges of up to 8), fed as a feed does (a poll's worth of source records,
 * then a poll's worth of copies, 500 each), through the default 200,000-record window, then finished. One op is one
 * source record paired; summaries are made beforehand (fingerprinting is the feed's cost, measured with the
 * consumers).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class MatcherBenchmark {

    static final int RECORDS = 1_000_000;
    static final int PARTITIONS = 12;
    static final int BATCH = 500;

    List<RecordSummary> source;
    List<RecordSummary> target;

    @Setup
    public void setUp() {
        Random rnd = new Random(42);
        source = new ArrayList<>(RECORDS);
        target = new ArrayList<>(RECORDS + RECORDS / 100);
        generate(rnd, source, target);
    }

    /** Source records round-robin over the partitions; copies in the same order with a few faults. */
    static void generate(Random rnd, List<RecordSummary> source, List<RecordSummary> target) {
        long[] sourceOffset = new long[PARTITIONS];
        long[] targetOffset = new long[PARTITIONS];
        long ts = 1_700_000_000_000L;
        for (int i = 0; i < RECORDS; i++) {
            int p = i % PARTITIONS;
            long hi = rnd.nextLong();
            long lo = rnd.nextLong();
            RecordSummary s = new RecordSummary(p, sourceOffset[p]++, ts + i / 10, false, rnd.nextLong(), "key-" + i % 97,
                    hi, lo, -1, -1, -1);
            source.add(s);
            double r = rnd.nextDouble();
            if (r < 0.001) {
                continue;
            }
            int copies = r < 0.002 ? 2 : 1;
            for (int c = 0; c < copies; c++) {
                target.add(new RecordSummary(p, targetOffset[p]++, s.timestamp(), false, s.keyHash(), s.keyPreview(),
                        hi, lo, -1, -1, -1));
            }
        }
    }

    /** Feeds everything through a fresh matcher; returns it for inspection. */
    static RecordMatcher run(List<RecordSummary> source, List<RecordSummary> target, MatcherConfig config) {
        RecordMatcher m = new RecordMatcher(config, null, 1_700_000_000_000L);
        int s = 0;
        int t = 0;
        while (s < source.size() || t < target.size()) {
            int se = Math.min(source.size(), s + BATCH);
            while (s < se) {
                m.addSource(source.get(s++));
            }
            int te = Math.min(target.size(), t + BATCH);
            while (t < te) {
                m.addTarget(target.get(t++));
            }
        }
        m.finish(1_700_000_000_000L);
        return m;
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long matchOneMillion() {
        return run(source, target, MatcherConfig.defaults()).matched();
    }
}
