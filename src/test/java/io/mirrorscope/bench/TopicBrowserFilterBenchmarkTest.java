package io.mirrorscope.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link TopicBrowserFilterBenchmark} (excluded from the default test run):
 * {@code ./mvnw -o test -Dtest=TopicBrowserFilterBenchmarkTest -Dsurefire.excludedGroups=soak}.
 * In-process (forks 0); numbers are indicative.
 */
@Tag("bench")
class TopicBrowserFilterBenchmarkTest {

    @Test
    void filteringAHundredThousandRows() throws RunnerException {
        // the state measured must be the one described: 100,000 rows held whole, each filter finding what it should
        for (String filter : new String[] {"substring", "regex", "deep"}) {
            TopicBrowserFilterBenchmark state = new TopicBrowserFilterBenchmark();
            state.filter = filter;
            state.fill();
            assertThat(state.vm.records()).hasSize(TopicBrowserFilterBenchmark.ROWS);
            int shown = state.filterPass();
            switch (filter) {
                // region-7": i % 13 == 7, except the deep rows (i % 1000 == 0), which carry no region
                case "substring" -> assertThat(shown).isEqualTo((int) java.util.stream.IntStream
                        .range(0, TopicBrowserFilterBenchmark.ROWS).filter(i -> i % 13 == 7 && i % 1000 != 0).count());
                case "regex" -> assertThat(shown).isEqualTo((int) java.util.stream.IntStream
                        .range(0, TopicBrowserFilterBenchmark.ROWS)
                        .filter(i -> i % 1000 != 0 && i * 37 % 1000 >= 900).count());
                default -> assertThat(shown).isEqualTo(1);
            }
        }
        for (RunResult r : new Runner(new OptionsBuilder().include(TopicBrowserFilterBenchmark.class.getName())
                .forks(0).shouldFailOnError(true).build()).run()) {
            System.out.printf("topic browser filter %s %s: %.3f ms/op%n", r.getParams().getBenchmark(),
                    r.getParams().getParam("filter"), r.getPrimaryResult().getScore());
        }
    }
}
