package io.mirrorscope.ui.common;

import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * A problem as the window shows it: where it happened, the full text (never cut, never a stack trace), a short
 * error code to quote, and whether "Retry" makes sense. Pure data; {@link ProblemSlot} holds the one a view shows.
 *
 * @param where   what was being done ("Reading the inventory of sandbox"); also the key that clears it on success
 * @param problem the problem in the project's terms (title, detail, hint, cause for the log)
 * @param retry   what "Retry" does; null when retrying makes no sense
 */
public record ProblemReport(String where, Problem problem, Runnable retry) {

    public ProblemReport {
        java.util.Objects.requireNonNull(where, "where");
        java.util.Objects.requireNonNull(problem, "problem");
    }

    /** The report of a failure while doing {@code where}; wrappers (CompletionException…) are taken off. */
    public static ProblemReport of(String where, Throwable failure, Runnable retry) {
        return new ProblemReport(where, problemOf(failure), retry);
    }

    /** The failure itself, not the CompletionException or ExecutionException a future wrapped it in. */
    public static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** The project's problem for a failure: the one it carries, or an internal one naming the exception. */
    public static Problem problemOf(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ProblemException pe) {
            return pe.problem();
        }
        String message = cause.getMessage() == null || cause.getMessage().isBlank() ? ""
                : cause.getMessage().strip();
        return new Problem(Problem.Kind.INTERNAL, cause.getClass().getSimpleName()
                + (message.isEmpty() ? "" : ": " + message), "", "", cause);
    }

    /** The visible text: what was being done, then the problem in full (title, detail, hint on their own lines). */
    public String text() {
        StringBuilder sb = new StringBuilder(where).append(" failed: ").append(problem.title());
        if (!problem.detail().isBlank()) {
            sb.append('\n').append(problem.detail().strip());
        }
        if (!problem.hint().isBlank()) {
            sb.append('\n').append(problem.hint().strip());
        }
        return sb.toString();
    }

    /**
     * A short code to quote in a ticket: the kind and four hex digits of the title, e.g. {@code CONNECTION-3F2A}.
     * The same problem gets the same code, so two reports of it can be matched without their full text.
     */
    public String code() {
        return problem.kind().name() + "-" + String.format(Locale.ROOT, "%04X", problem.title().hashCode() & 0xFFFF);
    }

    /** What "Copy details" puts on the clipboard: the full text and the code. No stack trace (that is in the log). */
    public String details() {
        Throwable cause = problem.cause();
        return text() + "\nError code: " + code()
                + (cause == null ? "" : "\nCause: " + cause.getClass().getName())
                + "\nThe log file has the technical trace.";
    }

    public boolean retryable() {
        return retry != null;
    }
}
