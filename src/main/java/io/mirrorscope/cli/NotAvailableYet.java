package io.mirrorscope.cli;

import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;

/** Subcommands whose feature has not landed exit 2 with this, never with a made-up result. */
final class NotAvailableYet {

    private NotAvailableYet() {
    }

    static ProblemException of(String command) {
        return new ProblemException(Problem.of(Problem.Kind.USAGE,
                "'" + command + "' is not available yet in this version", "",
                "see the README for what this build can do"));
    }
}
