package io.mirrorscope.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorscope.core.trace.Trace;
import io.mirrorscope.tracing.JaegerJsonReader;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link TraceBenchmark} and {@link TraceTimelineBenchmark}, measures the heap a parsed trace keeps per span
 * and opens a million-span trace from a file (excluded from the default run):
 * {@code ./mvnw -o test -Dmaven.compiler.proc=full -Dtest=TraceBenchmarkTest -Dsurefire.excludedGroups=soak}.
 * {@code -Dtrace.bench.spans=N} sets the size of the JMH trace, {@code -Dtrace.bench.million=N} the big one.
 */
@Tag("bench")
class TraceBenchmarkTest {

    private static final int SPANS = Integer.getInteger("trace.bench.spans", 100_000);

    @Test
    void run() throws RunnerException {
        new Runner(new OptionsBuilder().include(TraceBenchmark.class.getName())
                .include(TraceTimelineBenchmark.class.getName()).forks(0)
                .param("spans", String.valueOf(SPANS)).shouldFailOnError(true).build()).run();
    }

    /** The timeline benchmark measures real frames: the control fills the screen and each call draws once. */
    @Test
    void timelineBenchmarkDrawsFullFrames() throws Exception {
        TraceTimelineBenchmark bench = new TraceTimelineBenchmark();
        bench.setUp();
        int before = bench.repaintVisibleRows();
        int after = bench.repaintVisibleRows();
        assertThat(after - before).isEqualTo(1);
        assertThat(bench.timeline.getWidth()).isEqualTo(1400);
        assertThat(bench.timeline.viewport().height()).isGreaterThan(800);
        assertThat(bench.timeline.rows()).hasSize(bench.trace.size());
    }

    /** Retained heap of the parsed trace divided by its spans (the JSON bytes are dropped first). */
    @Test
    void heapPerSpan() {
        byte[] json = SyntheticTrace.v1Json(SPANS);
        long before = usedAfterGc();
        long t0 = System.nanoTime();
        Trace trace = JaegerJsonReader.read(json, "bench").traces().getFirst();
        long millis = (System.nanoTime() - t0) / 1_000_000;
        json = null;
        long after = usedAfterGc();
        double perSpan = (after - before + jsonSize()) / (double) trace.spanCount();
        System.out.printf(Locale.ROOT, "trace of %,d spans: first parse %d ms (cold), %.0f bytes of heap per span%n",
                trace.spanCount(), millis, perSpan);
        assertThat(trace.spanCount()).isEqualTo(SPANS);
    }

    /**
     * The million-span trace (issue #15: opens in ≤ 5 s with ≤ 0.4 KB of heap per span), streamed from a file so the
     * 634 MB of JSON never sit in the heap: two opens in a row (the first cold), then the heap the trace keeps.
     */
    @Test
    void millionSpansFromAFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        int spans = Integer.getInteger("trace.bench.million", 1_000_000);
        java.nio.file.Path file = dir.resolve("trace.json");
        try (var out = new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(file), 1 << 16)) {
            SyntheticTrace.write(spans, out);
        }
        Trace trace = null;
        for (int run = 1; run <= 2; run++) {
            trace = null;
            long before = usedAfterGc();
            long t0 = System.nanoTime();
            try (var in = new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(file), 1 << 16)) {
                trace = JaegerJsonReader.read(in, "file").traces().getFirst();
            }
            int[] rows = io.mirrorscope.core.trace.TraceLayout.visibleRows(trace, new java.util.BitSet());
            io.mirrorscope.core.trace.TraceLayout.bars(trace, rows,
                    io.mirrorscope.core.trace.TraceLayout.Viewport.fit(trace, 1000, 800, 20));
            long millis = (System.nanoTime() - t0) / 1_000_000;
            long after = usedAfterGc();
            System.out.printf(Locale.ROOT, "open %d of %,d spans (%,d MB file): %d ms, %.0f bytes of heap per span%n",
                    run, trace.spanCount(), java.nio.file.Files.size(file) >> 20, millis,
                    (after - before) / (double) trace.spanCount());
        }
        assertThat(trace.spanCount()).isEqualTo(spans);
    }

    /** The JSON was live in "before" and dropped in "after": add it back so only the trace is counted. */
    private static long jsonSize() {
        return SyntheticTrace.v1Json(SPANS).length;
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
