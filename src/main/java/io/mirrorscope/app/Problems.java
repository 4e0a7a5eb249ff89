package io.mirrorscope.app;

import io.mirrorscope.core.ProblemException;
import io.mirrorscope.core.Redactor;
import java.util.concurrent.CompletionException;

/** Turns a failure that reached the UI into the one line the status bar and empty state show. */
final class Problems {

    private Problems() {
    }

    static String oneLine(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ProblemException pe) {
            return pe.problem().oneLine();
        }
        // Exception texts can quote a credential (the JDK's "invalid header value" does).
        return Redactor.scrub(cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }

    /** The failure itself, not the CompletionException a future wrapped it in. */
    static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
