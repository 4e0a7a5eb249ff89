package io.mirrorscope.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link CompareSnapshotBenchmark} (excluded from the default test run):
 * {@code ./mvnw -o test -Dmaven.compiler.proc=full -Dtest=CompareSnapshotBenchmarkTest -Dfast.excludedGroups=soak}.
 * In-process (forks 0); numbers are indicative.
 */
@Tag("bench")
class CompareSnapshotBenchmarkTest {

    @Test
    void takeAndMergeBySize() throws RunnerException {
        CompareSnapshotBenchmark state = new CompareSnapshotBenchmark();
        state.recent = 1000;
        state.fill();
        assertThat(state.take().recentPairs()).hasSize(1000);
        assertThat(state.table).hasSize(1000);
        assertThat(state.merge()).as("an idle snapshot changes no row").isZero();
        for (RunResult r : new Runner(new OptionsBuilder().include(CompareSnapshotBenchmark.class.getName())
                .forks(0).shouldFailOnError(true).build()).run()) {
            System.out.printf("compare snapshot %s recent=%s: %.1f us/op%n", r.getParams().getBenchmark(),
                    r.getParams().getParam("recent"), r.getPrimaryResult().getScore());
        }
    }
}
