package io.mirrorscope.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorscope.core.mirror.MatchSnapshot;
import io.mirrorscope.core.mirror.MatcherConfig;
import io.mirrorscope.core.mirror.RecordMatcher;
import io.mirrorscope.core.mirror.RecordSummary;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
        // on a shared machine wall-clock throughput says more about the load than the matcher: also count the CPU
        // time of this thread alone, which is what "on one core" means
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 8; round++) {
            long cpu = threads.getCurrentThreadCpuTime();
            MatcherBenchmark.run(source, target, MatcherConfig.defaults());
            cpu = threads.getCurrentThreadCpuTime() - cpu;
            System.out.printf("matcher round %d: %,.0f pairs per CPU-second%n", round,
                    MatcherBenchmark.RECORDS / (cpu / 1e9));
        }
        for (RunResult r : new Runner(new OptionsBuilder().include(MatcherBenchmark.class.getName()).forks(0)
                .shouldFailOnError(true).build()).run()) {
            System.out.printf("matcher: %,.0f pairs/s%n", r.getPrimaryResult().getScore());
        }
    }

    @Test
    void tenMillionPairsIn512MbOfHeap() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                MatcherHeapCheck.class.getName(), "10000000").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        System.out.print("matcher, 10,000,000 records per side in -Xmx512m: " + out);
        assertThat(out).contains("records=10000000", "pending=0");
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
        // keep the generated lists alive until after the measurement (else the JIT lets them be collected)
        Reference.reachabilityFence(source);
        Reference.reachabilityFence(target);
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
