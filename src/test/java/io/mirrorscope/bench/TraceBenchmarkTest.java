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
 * Runs {@link TraceBenchmark} and measures the heap a parsed trace keeps per span (excluded from the default run):
 * {@code ./mvnw -o test -Dmaven.compiler.proc=full -Dtest=TraceBenchmarkTest -Dsurefire.excludedGroups=soak}.
 * Set {@code -Dtrace.bench.spans=1000000} for the million-span trace.
 */
@Tag("bench")
class TraceBenchmarkTest {

    private static final int SPANS = Integer.getInteger("trace.bench.spans", 100_000);

    @Test
    void run() throws RunnerException {
        new Runner(new OptionsBuilder().include(TraceBenchmark.class.getName()).forks(0)
                .param("spans", String.valueOf(SPANS)).shouldFailOnError(true).build()).run();
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
