package io.mirrorscope.sandbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RoundRobinPartitioner;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seed's {@code hello-world-producer}: writes {@code "Hello world - N"} every interval, each record with its own
 * {@code To_<topic>} span whose context travels in the record headers ({@code traceparent} or {@code uber-trace-id}).
 */
final class HelloWorldProducer implements AutoCloseable {

    static final String SERVICE = "hello-world-producer";
    private static final Logger LOG = LoggerFactory.getLogger(HelloWorldProducer.class);

    private final KafkaProducer<String, String> producer;
    private final Tracer tracer;
    private final SandboxTracing tracing;
    private final String topic;
    private final Duration interval;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    HelloWorldProducer(Map<String, Object> clientConfig, SandboxTracing tracing, String topic, Duration interval) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, SERVICE);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // spread records over the 12 partitions the way the seed's 2.4 clients did (a new partition per batch)
        config.put(ProducerConfig.PARTITIONER_CLASS_CONFIG, RoundRobinPartitioner.class);
        this.producer = new KafkaProducer<>(config);
        this.tracer = tracing.tracer(SERVICE);
        this.tracing = tracing;
        this.topic = topic;
        this.interval = interval;
        this.thread = Thread.ofPlatform().daemon().name(SERVICE).unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    private void run() {
        long n = 0;
        while (running) {
            send(n++);
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void send(long n) {
        Span span = tracer.spanBuilder("To_" + topic).setSpanKind(SpanKind.PRODUCER).setParent(Context.root())
                .setAttribute("component", "java-kafka")
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", topic)
                .startSpan();
        RecordHeaders headers = new RecordHeaders();
        tracing.inject(Context.root().with(span), headers);
        try {
            producer.send(new ProducerRecord<>(topic, null, System.currentTimeMillis(), null, "Hello world - " + n,
                    headers), (metadata, error) -> {
                        if (error != null) {
                            span.setStatus(StatusCode.ERROR, error.toString());
                        } else {
                            span.setAttribute("messaging.kafka.destination.partition", (long) metadata.partition());
                            span.setAttribute("messaging.kafka.message.offset", metadata.offset());
                            acknowledged.incrementAndGet();
                        }
                        span.end();
                    });
            sent.incrementAndGet();
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR, e.toString());
            span.end();
            LOG.warn("hello-world-producer could not send: {}", e.toString());
        }
    }

    long sent() {
        return sent.get();
    }

    long acknowledged() {
        return acknowledged.get();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }
}
