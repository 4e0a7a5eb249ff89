package io.mirrorscope.cli;

import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;

/**
 * Subcommands whose feature has not landed fail with this, never with a made-up result. Exit 1, not 2: the
 * command line was right, this build cannot answer it (a script must not be told to fix its arguments).
 */
final class NotAvailableYet {

    private NotAvailableYet() {
    }

    static ProblemException of(String command) {
        return new ProblemException(Problem.of(Problem.Kind.INTERNAL,
                "'" + command + "' is not available yet in this version", "",
                "see the README for what this build can do"));
    }
}
