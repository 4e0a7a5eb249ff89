package io.mirrorscope.tracing;

import io.mirrorscope.core.snapshot.TraceDocument;
import io.mirrorscope.core.trace.Trace;
import java.util.ArrayList;
import java.util.List;

/**
 * Traces kept as the back end returned them (a snapshot's {@link TraceDocument}s) read by the same readers as a
 * live answer, so a saved trace shows exactly as it did live: for {@code mirrorscope open}, the HTML report and the
 * window's traces view of a snapshot.
 */
public final class TraceDocuments {

    private TraceDocuments() {
    }

    /** One document's traces (a body that no longer parses gives what was read before the fault, or none). */
    public static ParsedTraces parse(TraceDocument d, String source) {
        return d.format() == TraceDocument.Format.JAEGER ? JaegerJsonReader.read(d.body(), source)
                : OtlpJsonReader.read(d.body(), source);
    }

    /** Every document's traces, in order. */
    public static List<Trace> parseAll(List<TraceDocument> documents, String source) {
        List<Trace> out = new ArrayList<>();
        for (TraceDocument d : documents) {
            out.addAll(parse(d, source).traces());
        }
        return out;
    }
}
