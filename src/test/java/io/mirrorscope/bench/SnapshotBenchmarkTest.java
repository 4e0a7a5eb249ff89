package io.mirrorscope.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorscope.core.snapshot.Snapshot;
import io.mirrorscope.snapshot.SnapshotReader;
import io.mirrorscope.snapshot.SnapshotWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link SnapshotBenchmark} and reports the file's size on disk (excluded from the default test run):
 * {@code ./mvnw -o test -Dmaven.compiler.proc=full -Dtest=SnapshotBenchmarkTest -Dsurefire.excludedGroups=soak}.
 * In-process (forks 0) so surefire's class path works; numbers are indicative.
 */
@Tag("bench")
class SnapshotBenchmarkTest {

    @TempDir
    Path dir;

    @Test
    void saveAndOpen() throws RunnerException, java.io.IOException {
        // the round trip must be right before its speed means anything
        Snapshot s = SnapshotBenchmark.build();
        Path file = dir.resolve("bench.msnap");
        SnapshotWriter.write(s, file);
        Snapshot back = SnapshotReader.read(file);
        assertThat(back.window().findings().recentPairs()).hasSize(SnapshotBenchmark.PAIRS);
        assertThat(back.window().sourceRecords().records()).hasSize(SnapshotBenchmark.PAIRS);
        assertThat(back.window().sourceRecords().dropped()).isZero();
        assertThat(back.traces()).hasSize(SnapshotBenchmark.TRACES);
        System.out.printf("snapshot: %,d pairs, %,d + %,d raw records, %d traces: %,d bytes on disk (%.1f MB)%n",
                SnapshotBenchmark.PAIRS, back.window().sourceRecords().records().size(),
                back.window().targetRecords().records().size(), back.traces().size(), Files.size(file),
                Files.size(file) / 1048576.0);
        // on a shared machine wall-clock time says more about the load than the code: also count this thread's CPU
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 4; round++) {
            long cpu = threads.getCurrentThreadCpuTime();
            SnapshotWriter.write(s, file);
            long save = threads.getCurrentThreadCpuTime() - cpu;
            cpu = threads.getCurrentThreadCpuTime();
            SnapshotReader.read(file);
            long open = threads.getCurrentThreadCpuTime() - cpu;
            System.out.printf("snapshot round %d: save %d ms CPU, open %d ms CPU%n", round, save / 1_000_000,
                    open / 1_000_000);
        }
        for (RunResult r : new Runner(new OptionsBuilder().include(SnapshotBenchmark.class.getName()).forks(0)
                .shouldFailOnError(true).build()).run()) {
            System.out.printf("snapshot %s: %.0f ms (± %.0f)%n", r.getParams().getBenchmark(),
                    r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError());
        }
    }
}
