package io.mirrorscope.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code mirrorscope contexts}: not available yet; exits 2 rather than print a made-up result. */
@Command(name = "contexts", mixinStandardHelpOptions = true, description = "List the kubeconfig's contexts (merged like kubectl).")
public final class ContextsCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw NotAvailableYet.of("contexts");
    }
}
