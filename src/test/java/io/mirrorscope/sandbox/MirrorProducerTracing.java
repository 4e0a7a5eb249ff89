package io.mirrorscope.sandbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The mirror's produce hop: parent from the record's own headers (the consume span written there by
 * {@link MirrorConsumerTracing}), a {@code To_<target topic>} span, and its context written back into the headers for
 * the target consumer. Records without {@code traceparent} (heartbeats, offset syncs) pass untouched.
 */
public final class MirrorProducerTracing implements ProducerInterceptor<byte[], byte[]> {

    private Tracer tracer;
    private SandboxTracing tracing;
    private boolean parentFromHeaders;

    @Override
    public void configure(Map<String, ?> configs) {
        SandboxRegistry.Runtime runtime = SandboxRegistry.lookup(configs);
        tracing = runtime.tracing();
        tracer = tracing.tracer(runtime.mirrorService());
        parentFromHeaders = runtime.parentFromHeaders();
    }

    @Override
    public ProducerRecord<byte[], byte[]> onSend(ProducerRecord<byte[], byte[]> record) {
        if (!SandboxTracing.hasContext(record.headers())) {
            return record;
        }
        // stock OpenTelemetry interceptors parent on the thread's current context: a new trace starts here
        Context parent = parentFromHeaders ? SandboxTracing.extract(record.headers()) : Context.current();
        Span span = tracer.spanBuilder("To_" + record.topic()).setParent(parent).setSpanKind(SpanKind.PRODUCER)
                .setAttribute("component", "java-kafka")
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", record.topic())
                .startSpan();
        if (record.partition() != null) {
            span.setAttribute("messaging.kafka.destination.partition", (long) record.partition());
        }
        span.end();
        tracing.inject(parent.with(span), record.headers());
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
        // spans end at send: the interceptor cannot tell which record an acknowledgement belongs to
    }

    @Override
    public void close() {
        tracer = null;
    }
}
