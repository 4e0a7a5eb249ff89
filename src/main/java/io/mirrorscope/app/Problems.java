package io.mirrorscope.app;

import io.mirrorscope.ui.common.ProblemReport;

/** Turns a failure that reached the UI into the one line the status bar and empty state show. */
final class Problems {

    private Problems() {
    }

    static String oneLine(Throwable failure) {
        return ProblemReport.problemOf(failure).oneLine();
    }

    /** The failure itself, not the CompletionException a future wrapped it in. */
    static Throwable unwrap(Throwable failure) {
        return ProblemReport.unwrap(failure);
    }
}
