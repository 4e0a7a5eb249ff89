package io.mirrorscope.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code mirrorscope trace}: not available yet; exits 2 rather than print a made-up result. */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "Find a record's trace in Jaeger and print its timeline.")
public final class TraceCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw NotAvailableYet.of("trace");
    }
}
