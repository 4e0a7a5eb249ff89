package io.mirrorscope.core.trace;

/** Builds small traces for tests: one call per span, ids as small numbers. */
final class Spans {

    private final TraceBuilder builder;
    private final int process;

    Spans(String traceId) {
        builder = new TraceBuilder(traceId);
        process = builder.process("p1");
        builder.defineProcess(process, "svc");
    }

    Spans() {
        this("0000000000000000000000000000abcd");
    }

    /** A span; {@code parent} 0 for a root; a negative parent is a FOLLOWS_FROM reference to -parent. */
    Spans span(long id, long parent, long start, long duration) {
        return span(id, parent, start, duration, SpanKind.INTERNAL, "svc");
    }

    Spans span(long id, long parent, long start, long duration, SpanKind kind, String service) {
        builder.beginSpan();
        builder.spanId(id);
        builder.operation("op" + id);
        builder.startMicros(start);
        builder.durationMicros(duration);
        int p = builder.process(service);
        if (p != process) {
            builder.defineProcess(p, service);
        }
        builder.process(p);
        builder.kind(kind);
        if (parent > 0) {
            builder.reference(true, null, parent);
        } else if (parent < 0) {
            builder.reference(false, null, -parent);
        }
        builder.endSpan();
        return this;
    }

    TraceBuilder builder() {
        return builder;
    }

    Trace build() {
        return builder.build();
    }
}
