package io.mirrorscope.sandbox;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's trace storage: an OpenTelemetry {@link SpanExporter} that keeps the newest spans in memory (bounded,
 * oldest dropped first), indexed by trace id, for the Jaeger query API.
 */
public final class SpanStore implements SpanExporter {

    private final int capacity;
    private final Deque<SpanData> spans = new ArrayDeque<>();
    private final Map<String, List<SpanData>> byTrace = new HashMap<>();

    public SpanStore(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public synchronized CompletableResultCode export(Collection<SpanData> batch) {
        for (SpanData span : batch) {
            spans.addLast(span);
            byTrace.computeIfAbsent(span.getTraceId(), id -> new ArrayList<>()).add(span);
            if (spans.size() > capacity) {
                SpanData old = spans.removeFirst();
                List<SpanData> trace = byTrace.get(old.getTraceId());
                if (trace != null) {
                    trace.remove(old);
                    if (trace.isEmpty()) {
                        byTrace.remove(old.getTraceId());
                    }
                }
            }
        }
        return CompletableResultCode.ofSuccess();
    }

    /** The spans of one trace (lower-case hex id), empty when unknown. */
    public synchronized List<SpanData> trace(String traceId) {
        return List.copyOf(byTrace.getOrDefault(traceId, List.of()));
    }

    /** A snapshot of every stored span, oldest first. */
    public synchronized List<SpanData> all() {
        return List.copyOf(spans);
    }

    public synchronized int size() {
        return spans.size();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
