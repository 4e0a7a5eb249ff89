package io.mirrorscope.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorscope.ui.sidebyside.PairStatus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link SideBySideTableBenchmark} (excluded from the default test run):
 * {@code ./mvnw -o test -Dmaven.compiler.proc=full -Dtest=SideBySideTableBenchmarkTest -Dsurefire.excludedGroups=soak}.
 * In-process (forks 0); numbers are indicative.
 */
@Tag("bench")
class SideBySideTableBenchmarkTest {

    @Test
    void pulseAndScroll() throws RunnerException {
        // the state measured must be the one described: a million rows, the newest pulse's rows pending
        SideBySideTableBenchmark state = new SideBySideTableBenchmark();
        state.filter = "none";
        state.chain = "filtered";
        state.fill();
        assertThat(state.sorted).hasSize(SideBySideTableBenchmark.ROWS);
        assertThat(state.model.get(SideBySideTableBenchmark.ROWS - 1).status()).isEqualTo(PairStatus.PENDING);
        assertThat(state.model.get(0).status()).isEqualTo(PairStatus.DUPLICATE);
        state.nextSnapshot();
        assertThat(state.pulse()).isEqualTo(2 * SideBySideTableBenchmark.PER_PULSE
                + SideBySideTableBenchmark.ROWS + SideBySideTableBenchmark.PER_PULSE);
        for (RunResult r : new Runner(new OptionsBuilder().include(SideBySideTableBenchmark.class.getName())
                .forks(0).shouldFailOnError(true).build()).run()) {
            System.out.printf("side-by-side table %s %s %s: %.3f ms/op%n", r.getParams().getBenchmark(),
                    r.getParams().getParam("filter"), r.getParams().getParam("chain"),
                    r.getPrimaryResult().getScore());
        }
    }
}
