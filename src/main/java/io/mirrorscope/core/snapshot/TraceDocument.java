package io.mirrorscope.core.snapshot;

import java.util.Objects;

/**
 * One trace as the tracing back end returned it, bytes kept as they came, so Jaeger's own UI can load the file
 * ("JSON File" upload) as well as MirrorScope.
 *
 * @param traceId the trace id (hex)
 * @param format  the body's format
 * @param body    the body: Jaeger's v1 envelope ({@code {"data":[…]}}) or api_v3's OTLP JSON
 */
public record TraceDocument(String traceId, Format format, byte[] body) {

    /** The JSON dialect of a body. */
    public enum Format {
        /** Jaeger query API v1 ({@code /api/traces/{id}}): the format Jaeger's UI uploads. */
        JAEGER,
        /** Jaeger api_v3 / Tempo: OTLP JSON. */
        OTLP
    }

    public TraceDocument {
        Objects.requireNonNull(traceId, "traceId");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(body, "body");
    }
}
