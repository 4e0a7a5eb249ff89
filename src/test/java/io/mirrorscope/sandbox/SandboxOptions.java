package io.mirrorscope.sandbox;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * How to start a {@link Sandbox}.
 *
 * @param strimziApi which Strimzi API version the Kubernetes API serves
 * @param produceInterval pause between two hello-world records
 * @param faults a fault spec applied once everything runs ({@link SandboxFaults#apply(String)}); empty for none
 * @param progress receives one line per start-up step
 * @param mirrorTracing where the mirror's spans take their parent from
 * @param traceHeader the trace header the clients write ({@code null}: {@link #effectiveTraceHeader()})
 * @param jaegerV1Search whether the Jaeger API still serves the v1 search endpoints (api_v3 is always there)
 */
public record SandboxOptions(StrimziApi strimziApi, Duration produceInterval, String faults,
        Consumer<String> progress, MirrorTracing mirrorTracing, TraceHeader traceHeader, boolean jaegerV1Search) {

    /** The trace-context header the traced clients write. */
    public enum TraceHeader {
        /** W3C {@code traceparent} (OpenTelemetry). */
        TRACEPARENT,
        /** {@code uber-trace-id} (Jaeger clients, as in the seed). */
        UBER_TRACE_ID;

        public static TraceHeader parse(String text) {
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "traceparent" -> TRACEPARENT;
                case "uber-trace-id" -> UBER_TRACE_ID;
                default -> throw new IllegalArgumentException("unknown trace header '" + text
                        + "' (use traceparent or uber-trace-id)");
            };
        }
    }

    /** Where the mirror's tracing interceptors take the parent of their spans from. */
    public enum MirrorTracing {
        /** The record's own headers, as the seed's OpenTracing interceptors did: one trace per record. */
        HEADERS,
        /**
         * The thread's current context, as stock OpenTelemetry kafka-clients interceptors do: the mirror starts new
         * traces (its consume span only links to the record's context), so a record's journey spans several traces.
         */
        CURRENT_CONTEXT;

        public static MirrorTracing parse(String text) {
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "headers" -> HEADERS;
                case "current-context" -> CURRENT_CONTEXT;
                default -> throw new IllegalArgumentException("unknown mirror tracing '" + text
                        + "' (use headers or current-context)");
            };
        }
    }

    /** The Strimzi API generations the sandbox can serve. */
    public enum StrimziApi {
        /** The seed: {@code kafka.strimzi.io/v1beta1} (Strimzi ≤ 0.21), with a KafkaMirrorMaker (MM1) CR. */
        V1BETA1,
        /** Strimzi 0.22 – 0.48: {@code v1beta2}, KafkaMirrorMaker2 with {@code clusters[]}. */
        V1BETA2,
        /** Strimzi 1.x: {@code v1}, KafkaMirrorMaker2 with {@code target} and {@code mirrors[].source}. */
        V1;

        public String version() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static StrimziApi parse(String text) {
            for (StrimziApi api : values()) {
                if (api.version().equals(text.trim().toLowerCase(Locale.ROOT))) {
                    return api;
                }
            }
            throw new IllegalArgumentException("unknown Strimzi API '" + text + "' (use v1beta1, v1beta2 or v1)");
        }
    }

    public SandboxOptions {
        if (produceInterval.isNegative() || produceInterval.isZero()) {
            throw new IllegalArgumentException("produce interval must be positive");
        }
        SandboxFaults.parse(faults);
        faults = faults == null ? "" : faults;
        progress = progress == null ? line -> { } : progress;
        mirrorTracing = mirrorTracing == null ? MirrorTracing.HEADERS : mirrorTracing;
    }

    /** The header in effect: as configured, else {@code uber-trace-id} for the seed's v1beta1, else traceparent. */
    public TraceHeader effectiveTraceHeader() {
        if (traceHeader != null) {
            return traceHeader;
        }
        return strimziApi == StrimziApi.V1BETA1 ? TraceHeader.UBER_TRACE_ID : TraceHeader.TRACEPARENT;
    }

    /** v1beta2, a record every 100 ms, no faults, silent. */
    public static SandboxOptions defaults() {
        return new SandboxOptions(StrimziApi.V1BETA2, Duration.ofMillis(100), "", null, MirrorTracing.HEADERS, null,
                true);
    }

    public SandboxOptions withStrimziApi(StrimziApi api) {
        return new SandboxOptions(api, produceInterval, faults, progress, mirrorTracing, traceHeader, jaegerV1Search);
    }

    public SandboxOptions withProduceInterval(Duration interval) {
        return new SandboxOptions(strimziApi, interval, faults, progress, mirrorTracing, traceHeader, jaegerV1Search);
    }

    public SandboxOptions withFaults(String spec) {
        return new SandboxOptions(strimziApi, produceInterval, spec, progress, mirrorTracing, traceHeader,
                jaegerV1Search);
    }

    public SandboxOptions withProgress(Consumer<String> sink) {
        return new SandboxOptions(strimziApi, produceInterval, faults, sink, mirrorTracing, traceHeader,
                jaegerV1Search);
    }

    /** Which trace header the traced clients write; {@code null}: by Strimzi API (see effectiveTraceHeader). */
    public SandboxOptions withTraceHeader(TraceHeader header) {
        return new SandboxOptions(strimziApi, produceInterval, faults, progress, mirrorTracing, header, jaegerV1Search);
    }

    /** False: the Jaeger API answers like Jaeger after #9260 (v1 search gone, api_v3 and trace by id stay). */
    public SandboxOptions withJaegerV1Search(boolean enabled) {
        return new SandboxOptions(strimziApi, produceInterval, faults, progress, mirrorTracing, traceHeader, enabled);
    }

    public SandboxOptions withMirrorTracing(MirrorTracing mode) {
        return new SandboxOptions(strimziApi, produceInterval, faults, progress, mode, traceHeader, jaegerV1Search);
    }
}
