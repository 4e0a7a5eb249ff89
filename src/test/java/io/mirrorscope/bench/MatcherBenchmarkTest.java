package io.mirrorscope.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorscope.core.mirror.MatchSnapshot;
import io.mirrorscope.core.mirror.MatcherConfig;
import io.mirrorscope.core.mirror.RecordMatcher;
import io.mirrorscope.core.mirror.RecordSummary;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link MatcherBenchmark} and measures the heap a retained pair costs (excluded from the default test run):
 * {@code ./mvnw -o test -Dmaven.compiler.proc=full -Dtest=MatcherBenchmarkTest -Dsurefire.excludedGroups=soak}.
 * In-process (forks 0) so surefire's class path works; numbers are indicative.
 */
@Tag("bench")
class MatcherBenchmarkTest {

    @Test
    void throughput() throws RunnerException {
        // the run itself must be right before its speed means anything
        List<RecordSummary> source = new ArrayList<>();
        List<RecordSummary> target = new ArrayList<>();
        MatcherBenchmark.generate(new Random(42), source, target);
        MatchSnapshot s = MatcherBenchmark.run(source, target, MatcherConfig.defaults()).snapshot(0);
        assertThat(s.matched() + s.missing()).isEqualTo(MatcherBenchmark.RECORDS);
        assertThat(s.matched() + s.duplicates()).isEqualTo(target.size());
        for (RunResult r : new Runner(new OptionsBuilder().include(MatcherBenchmark.class.getName()).forks(0)
                .shouldFailOnError(true).build()).run()) {
            System.out.printf("matcher: %,.0f pairs/s%n", r.getPrimaryResult().getScore());
        }
    }

    @Test
    void heapPerRetainedPair() {
        List<RecordSummary> source = new ArrayList<>();
        List<RecordSummary> target = new ArrayList<>();
        MatcherBenchmark.generate(new Random(7), source, target);
        int window = 200_000;
        long before = usedAfterGc();
        RecordMatcher m = new RecordMatcher(MatcherConfig.defaults().withWindow(window), null, 0);
        // the summaries of the source records in the window are part of the cost: count them by feeding fresh
        // copies (the lists above stay alive either way)
        for (int i = 0; i < window; i++) {
            RecordSummary s = source.get(i);
            m.addSource(new RecordSummary(s.partition(), s.offset(), s.timestamp(), false, s.keyHash(),
                    new String(s.keyPreview()), s.fingerprintHi(), s.fingerprintLo(), -1, -1, -1));
        }
        for (int i = 0; i < window; i++) {
            m.addTarget(target.get(i));
        }
        long after = usedAfterGc();
        assertThat(m.retained()).isEqualTo(window);
        System.out.printf("matcher: %,d bytes of heap per retained pair (%d pairs, %,d bytes)%n",
                (after - before) / window, window, after - before);
        assertThat(m.matched()).isPositive();
    }

    /** Heap in use once a full collection has settled (two readings within 256 KB of each other). */
    private static long usedAfterGc() {
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 20; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (Math.abs(used - last) < 256 * 1024) {
                return used;
            }
            last = used;
        }
        return last;
    }
}
