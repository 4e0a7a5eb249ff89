package io.mirrorscope.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code mirrorscope compare}: not available yet; exits 2 rather than print a made-up result. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Match source and target records of a mirror: delay, missing, duplicates.")
public final class CompareCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw NotAvailableYet.of("compare");
    }
}
