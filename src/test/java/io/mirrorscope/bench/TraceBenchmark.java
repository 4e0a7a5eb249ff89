package io.mirrorscope.bench;

import io.mirrorscope.core.trace.CriticalPath;
import io.mirrorscope.core.trace.Trace;
import io.mirrorscope.core.trace.TraceLayout;
import io.mirrorscope.tracing.JaegerJsonReader;
import java.util.BitSet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Trace bar (design.md: 100,000 spans parse + layout + first paint ≤ 1 s; expand/collapse all ≤ 50 ms; jump to the
 * end ≤ 16 ms), on a generated v1 JSON trace ({@link SyntheticTrace}). Paint itself is the Canvas control's; here
 * "first paint" is everything before drawing: the visible rows and the bars of a 1,000 × 800 px viewport.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TraceBenchmark {

    static final double WIDTH = 1000;
    static final double HEIGHT = 800;
    static final double ROW = 20;

    @Param({"100000"})
    int spans;

    byte[] json;
    Trace trace;
    BitSet collapsed;
    int last;

    @Setup(Level.Trial)
    public void setUp() {
        json = SyntheticTrace.v1Json(spans);
        trace = JaegerJsonReader.read(json, "bench").traces().getFirst();
        collapsed = TraceLayout.collapseAll(trace);
        last = trace.preorderAt(trace.size() - 1);
    }

    /** Bytes to the bars of the first screen. */
    @Benchmark
    public TraceLayout.Bar[] parseAndLayout() {
        Trace t = JaegerJsonReader.read(json, "bench").traces().getFirst();
        int[] rows = TraceLayout.visibleRows(t, new BitSet());
        return TraceLayout.bars(t, rows, TraceLayout.Viewport.fit(t, WIDTH, HEIGHT, ROW));
    }

    /**
     * Control: Jackson alone tokenizing the same bytes and reading every scalar as text, the floor under any
     * streaming reader (on a loaded machine, compare {@code parseAndLayout} with this rather than with the bar).
     */
    @Benchmark
    public int jacksonSkim() throws java.io.IOException {
        int tokens = 0;
        try (com.fasterxml.jackson.core.JsonParser p = SKIM.createParser(json)) {
            for (var t = p.nextToken(); t != null; t = p.nextToken()) {
                tokens += t.isScalarValue() ? p.getText().length() : 1;
            }
        }
        return tokens;
    }

    private static final com.fasterxml.jackson.core.JsonFactory SKIM = new com.fasterxml.jackson.core.JsonFactory();

    /** Every span with children collapsed, the rows recomputed and the first screen laid out. */
    @Benchmark
    public TraceLayout.Bar[] collapseAll() {
        BitSet all = TraceLayout.collapseAll(trace);
        int[] rows = TraceLayout.visibleRows(trace, all);
        return TraceLayout.bars(trace, rows, TraceLayout.Viewport.fit(trace, WIDTH, HEIGHT, ROW));
    }

    /** From all collapsed to all expanded: the rows recomputed and the first screen laid out. */
    @Benchmark
    public TraceLayout.Bar[] expandAll() {
        int[] rows = TraceLayout.visibleRows(trace, new BitSet());
        return TraceLayout.bars(trace, rows, TraceLayout.Viewport.fit(trace, WIDTH, HEIGHT, ROW));
    }

    /** From all collapsed, reveal the last span, find its row and lay out the screen scrolled to it. */
    @Benchmark
    public TraceLayout.Bar[] jumpToLast() {
        BitSet open = TraceLayout.reveal(trace, collapsed, last);
        int[] rows = TraceLayout.visibleRows(trace, open);
        int row = TraceLayout.rowOf(rows, last);
        TraceLayout.Viewport view = new TraceLayout.Viewport(Math.max(0, row * ROW - HEIGHT / 2), WIDTH, HEIGHT, ROW,
                trace.startMicros(), trace.endMicros());
        return TraceLayout.bars(trace, rows, view);
    }

    @Benchmark
    public Object criticalPath() {
        return CriticalPath.jaeger(trace);
    }

    /** Find-in-trace over every span: an operation name that one span in forty has. */
    @Benchmark
    public int[] findInTrace() {
        return io.mirrorscope.core.trace.TraceFind.find(trace, "op-17");
    }

    /** The minimap's picture of every row (all expanded) in a 1,080 × 52 px strip. */
    @Benchmark
    public int[] minimapOverview() {
        return TraceLayout.overview(trace, TraceLayout.visibleRows(trace, new BitSet()), 1080, 52);
    }
}
