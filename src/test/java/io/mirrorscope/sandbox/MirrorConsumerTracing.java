package io.mirrorscope.sandbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The mirror's consume hop, as the seed's OpenTracing Kafka interceptors did it: the parent is taken from the record's
 * own headers (not the thread's current context), a {@code From_<topic>} span is recorded, and its context replaces
 * the {@code traceparent} header so the mirror's produce hop and the target consumer continue the same trace.
 * With {@link SandboxOptions.MirrorTracing#CURRENT_CONTEXT} it behaves like stock OpenTelemetry interceptors instead.
 */
public final class MirrorConsumerTracing implements ConsumerInterceptor<byte[], byte[]> {

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
    public ConsumerRecords<byte[], byte[]> onConsume(ConsumerRecords<byte[], byte[]> records) {
        for (ConsumerRecord<byte[], byte[]> record : records) {
            if (!SandboxTracing.hasContext(record.headers())) {
                continue;
            }
            Context fromHeaders = SandboxTracing.extract(record.headers());
            // stock OpenTelemetry interceptors parent on the thread's context (a new trace) and only link the record
            Context parent = parentFromHeaders ? fromHeaders : Context.current();
            var builder = tracer.spanBuilder("From_" + record.topic()).setParent(parent);
            if (!parentFromHeaders) {
                builder.addLink(Span.fromContext(fromHeaders).getSpanContext());
            }
            Span span = builder.setSpanKind(SpanKind.CONSUMER)
                    .setAttribute("component", "java-kafka")
                    .setAttribute("messaging.system", "kafka")
                    .setAttribute("messaging.destination.name", record.topic())
                    .setAttribute("messaging.kafka.destination.partition", (long) record.partition())
                    .setAttribute("messaging.kafka.message.offset", record.offset())
                    .startSpan();
            span.end();
            if (parentFromHeaders) {
                tracing.inject(parent.with(span), record.headers());
            }
        }
        return records;
    }

    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        // the mirror's source consumer does not commit; nothing to trace
    }

    @Override
    public void close() {
        tracer = null;
    }
}
