package io.mirrorscope.tracing;

import io.mirrorscope.core.Problem;
import io.mirrorscope.core.trace.Trace;
import java.util.List;

/**
 * What a response held: the traces that could be read, the back end's own error messages and warnings, and —
 * when the body was cut short or malformed — the problem, with whatever was read before it.
 *
 * @param traces   traces in response order
 * @param errors   messages from the envelope's {@code errors} (e.g. "trace not found" for one of several ids)
 * @param problem  why the body could not be read to its end; null when it could
 */
public record ParsedTraces(List<Trace> traces, List<String> errors, Problem problem) {

    public ParsedTraces {
        traces = List.copyOf(traces);
        errors = List.copyOf(errors);
    }

    /** True when the body was read only in part. */
    public boolean partial() {
        return problem != null;
    }
}
