package io.mirrorscope.sandbox;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * One OpenTelemetry SDK tracer provider per sandbox service, all exporting to one {@link SpanStore}; trace context
 * travels in Kafka record headers: W3C {@code traceparent}, or the Jaeger clients' {@code uber-trace-id} of the seed.
 */
public final class SandboxTracing implements AutoCloseable {

    static final String SERVICE_NAME = "service.name";
    private static final TextMapPropagator READER = new UberTraceIdPropagator();

    private static final TextMapGetter<Headers> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            List<String> keys = new ArrayList<>();
            headers.forEach(h -> keys.add(h.key()));
            return keys;
        }

        @Override
        public String get(Headers headers, String key) {
            if (headers == null) {
                return null;
            }
            Header header = headers.lastHeader(key);
            return header == null || header.value() == null ? null
                    : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private static final TextMapSetter<Headers> SETTER = (headers, key, value) -> {
        if (headers != null) {
            headers.remove(key);
            headers.add(key, value.getBytes(StandardCharsets.UTF_8));
        }
    };

    private final SpanStore store;
    private final TextMapPropagator writer;
    private final Map<String, SdkTracerProvider> providers = new ConcurrentHashMap<>();

    /** W3C {@code traceparent} headers. */
    public SandboxTracing(SpanStore store) {
        this(store, SandboxOptions.TraceHeader.TRACEPARENT);
    }

    /** Writes the given header; reads either. */
    public SandboxTracing(SpanStore store, SandboxOptions.TraceHeader header) {
        this.store = store;
        this.writer = header == SandboxOptions.TraceHeader.UBER_TRACE_ID ? new UberTraceIdPropagator()
                : W3CTraceContextPropagator.getInstance();
    }

    public SpanStore store() {
        return store;
    }

    /** The tracer of a service (created on first use). */
    public Tracer tracer(String service) {
        return providers.computeIfAbsent(service, name -> SdkTracerProvider.builder()
                .setResource(Resource.create(Attributes.builder()
                        .put(SERVICE_NAME, name)
                        .put("telemetry.sdk.language", "java")
                        .put("telemetry.sdk.name", "opentelemetry")
                        .put("host.name", "sandbox")
                        .build()))
                .setSampler(Sampler.alwaysOn())
                .addSpanProcessor(SimpleSpanProcessor.create(store))
                .build()).get("io.mirrorscope.sandbox");
    }

    /** The context carried in the record headers, {@code traceparent} or {@code uber-trace-id} (else root). */
    public static Context extract(Headers headers) {
        Context w3c = W3CTraceContextPropagator.getInstance().extract(Context.root(), headers, GETTER);
        return w3c != Context.root() ? w3c : READER.extract(Context.root(), headers, GETTER);
    }

    /** Whether the headers carry a trace context in either format. */
    public static boolean hasContext(Headers headers) {
        return headers.lastHeader("traceparent") != null || headers.lastHeader(UberTraceIdPropagator.HEADER) != null;
    }

    /** Writes {@code context} into the headers in this sandbox's format, replacing what was there. */
    public void inject(Context context, Headers headers) {
        headers.remove("traceparent");
        headers.remove("tracestate");
        headers.remove(UberTraceIdPropagator.HEADER);
        writer.inject(context, headers, SETTER);
    }

    @Override
    public void close() {
        providers.values().forEach(SdkTracerProvider::close);
        providers.clear();
    }
}
