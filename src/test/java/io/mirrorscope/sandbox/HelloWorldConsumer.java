package io.mirrorscope.sandbox;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seed's {@code hello-world-consumer} on the target cluster: reads the mirrored topic in its consumer group and
 * records a {@code From_<topic>} span per record, parented on the record's {@code traceparent}.
 */
final class HelloWorldConsumer implements AutoCloseable {

    static final String SERVICE = "hello-world-consumer";
    private static final Logger LOG = LoggerFactory.getLogger(HelloWorldConsumer.class);

    private final KafkaConsumer<String, String> consumer;
    private final Tracer tracer;
    private final String topic;
    private final AtomicLong received = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    HelloWorldConsumer(Map<String, Object> clientConfig, SandboxTracing tracing, String topic) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, SERVICE);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, SERVICE);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 2000);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        this.consumer = new KafkaConsumer<>(config);
        this.tracer = tracing.tracer(SERVICE);
        this.topic = topic;
        this.thread = Thread.ofPlatform().daemon().name(SERVICE).unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    private void run() {
        try {
            consumer.subscribe(List.of(topic));
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    tracer.spanBuilder("From_" + record.topic()).setSpanKind(SpanKind.CONSUMER)
                            .setParent(SandboxTracing.extract(record.headers()))
                            .setAttribute("component", "java-kafka")
                            .setAttribute("messaging.system", "kafka")
                            .setAttribute("messaging.destination.name", record.topic())
                            .setAttribute("messaging.kafka.destination.partition", (long) record.partition())
                            .setAttribute("messaging.kafka.message.offset", record.offset())
                            .setAttribute("messaging.kafka.consumer.group", SERVICE)
                            .startSpan().end();
                    received.incrementAndGet();
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            if (running) {
                LOG.warn("hello-world-consumer stopped: {}", e.toString());
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    long received() {
        return received.get();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
