package io.mirrorscope.core.trace;

import java.util.List;

/**
 * One line of a search result: a trace's size, services, time and root.
 *
 * @param traceId        lower-case hex
 * @param spanCount      spans from the back end
 * @param services       sorted service names
 * @param startMicros    earliest span start, epoch microseconds
 * @param durationMicros latest span end minus earliest start
 * @param rootService    service of the earliest root, or "" when the trace has no root
 * @param rootOperation  operation of the earliest root, or ""
 * @param errors         spans with the error flag
 */
public record TraceSummary(String traceId, int spanCount, List<String> services, long startMicros,
                           long durationMicros, String rootService, String rootOperation, int errors) {

    public TraceSummary {
        services = List.copyOf(services);
    }

    /** The summary of a parsed trace. */
    public static TraceSummary of(Trace trace) {
        List<Integer> roots = trace.roots();
        int root = roots.isEmpty() ? -1 : roots.getFirst();
        int errors = 0;
        for (int i = 0; i < trace.spanCount(); i++) {
            if (trace.has(i, Trace.ERROR)) {
                errors++;
            }
        }
        return new TraceSummary(trace.traceId(), trace.spanCount(), trace.services(), trace.startMicros(),
                trace.durationMicros(), root < 0 ? "" : trace.service(root), root < 0 ? "" : trace.operation(root),
                errors);
    }
}
