package io.mirrorscope.bench;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link InventoryBenchmark} (excluded from the default test run). JMH's annotation processor must run:
 * {@code ./mvnw -o test -Dmaven.compiler.proc=full -Dtest=InventoryBenchmarkTest -Dsurefire.excludedGroups=soak}.
 * In-process (forks 0) so surefire's class path works; numbers are indicative, not publication grade.
 */
@Tag("bench")
class InventoryBenchmarkTest {

    @Test
    void run() throws RunnerException {
        new Runner(new OptionsBuilder().include(InventoryBenchmark.class.getName()).forks(0)
                .shouldFailOnError(true).build()).run();
    }
}
