package io.mirrorscope.core.trace;

import java.util.Locale;

/** A span's kind, as OpenTelemetry defines it (OTLP enum numbers) and Jaeger's {@code span.kind} tag names it. */
public enum SpanKind {
    UNSPECIFIED, INTERNAL, SERVER, CLIENT, PRODUCER, CONSUMER;

    private static final SpanKind[] VALUES = values();

    /** From OTLP's enum number (0..5); out-of-range numbers give {@link #UNSPECIFIED}. */
    public static SpanKind ofOtlp(int number) {
        return number >= 0 && number < VALUES.length ? VALUES[number] : UNSPECIFIED;
    }

    /** From {@code server}, {@code SPAN_KIND_SERVER}, {@code Server} and the like; unknown names give UNSPECIFIED. */
    public static SpanKind ofName(String name) {
        if (name == null) {
            return UNSPECIFIED;
        }
        String upper = name.trim().toUpperCase(Locale.ROOT);
        if (upper.startsWith("SPAN_KIND_")) {
            upper = upper.substring("SPAN_KIND_".length());
        }
        for (SpanKind kind : VALUES) {
            if (kind.name().equals(upper)) {
                return kind;
            }
        }
        return UNSPECIFIED;
    }

    static SpanKind ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }

    /** True for the kinds of a messaging hop, which do not block their parent. */
    public boolean messaging() {
        return this == PRODUCER || this == CONSUMER;
    }

    /** Lower-case name as Jaeger's {@code span.kind} tag writes it. */
    public String tagValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
