package io.mirrorscope.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code mirrorscope inventory}: not available yet; exits 2 rather than print a made-up result. */
@Command(name = "inventory", mixinStandardHelpOptions = true, description = "Print Kafka clusters, mirrors, topics, users and tracing back-ends.")
public final class InventoryCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw NotAvailableYet.of("inventory");
    }
}
