package io.mirrorscope.core;

import java.util.Objects;

/**
 * Something an operator can meet and act on: what failed, where, and what to do about it.
 *
 * <p>Adapters translate exceptions (HTTP 401/403/404/410, TLS handshakes, Kafka authentication, malformed
 * responses) into one {@code Problem}. The UI shows {@link #title()} and {@link #hint()} inline; "copy details"
 * adds {@link #detail()} and the cause's stack. The CLI prints {@link #oneLine()} and maps {@link #kind()} to an
 * exit code. No stack trace is ever part of the user text.
 *
 * @param kind   the category, which decides the CLI exit code
 * @param title  what failed, in one sentence ("Cannot reach the Kubernetes API server at https://…")
 * @param detail the technical detail (server message, file name, offending value); may be empty
 * @param hint   what to do next ("Run `oc login` for context X"); may be empty
 * @param cause  the exception behind it, for "copy details" and the log; may be null
 * @param debugDetail text shown only on request ({@code --debug}, "copy details"), never in the one line: e.g. what
 *                    an exec plugin wrote on stderr, which may carry a token the {@link Redactor} does not know
 *
 * <p>Every text is passed through the {@link Redactor} when the problem is created, so no known secret value
 * reaches a screen, a terminal or a log through a problem.
 */
public record Problem(Kind kind, String title, String detail, String hint, Throwable cause, String debugDetail) {

    /** Categories of problems; each maps to one CLI exit code. */
    public enum Kind {
        /** The user's input (arguments, a file, a field) is not usable. */
        USAGE(2),
        /** A server could not be reached, refused the credentials, or the TLS handshake failed. */
        CONNECTION(3),
        /** The server answered, but the user may not do the read that was asked. */
        FORBIDDEN(3),
        /** The named thing (context, cluster, topic, trace) does not exist. */
        NOT_FOUND(4),
        /** Data from a server (a resource, a record, a response) could not be understood. */
        MALFORMED(1),
        /** Anything else: a bug or an unexpected state. */
        INTERNAL(1);

        private final int exitCode;

        Kind(int exitCode) {
            this.exitCode = exitCode;
        }

        /** The CLI exit code for this kind (design.md: 1 findings, 2 usage, 3 connection/auth, 4 not found). */
        public int exitCode() {
            return exitCode;
        }
    }

    public Problem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        title = Redactor.scrub(title);
        detail = detail == null ? "" : Redactor.scrub(detail);
        hint = hint == null ? "" : Redactor.scrub(hint);
        debugDetail = debugDetail == null ? "" : Redactor.scrub(debugDetail);
    }

    /** A problem without debug-only detail. */
    public Problem(Kind kind, String title, String detail, String hint, Throwable cause) {
        this(kind, title, detail, hint, cause, "");
    }

    /** This problem with {@code text} as its debug-only detail. */
    public Problem withDebugDetail(String text) {
        return new Problem(kind, title, detail, hint, cause, text);
    }

    /** A problem with no cause. */
    public static Problem of(Kind kind, String title, String detail, String hint) {
        return new Problem(kind, title, detail, hint, null);
    }

    /** Title, detail and hint on one line, as the CLI prints it. */
    public String oneLine() {
        StringBuilder line = new StringBuilder(title);
        if (!detail.isBlank()) {
            line.append(": ").append(detail.strip().replace('\n', ' '));
        }
        if (!hint.isBlank()) {
            line.append(" — ").append(hint.strip());
        }
        return line.toString();
    }
}
