package io.mirrorscope.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Fault switches on the mirror's source consumer. Drop: every k-th data record gets the header
 * {@value #DROP_HEADER}, and the mirror's Connect {@code Filter} transform (predicate {@code HasHeaderKey}, as
 * design.md verified) discards it before it reaches the target. Slow: the batch is held until its records' source
 * timestamps plus the delay have passed.
 */
public final class MirrorConsumerFaults implements ConsumerInterceptor<byte[], byte[]> {

    /** The header that marks a record for the mirror's Filter transform. */
    public static final String DROP_HEADER = "mirrorscope.sandbox.drop";

    private SandboxFaults faults;

    @Override
    public void configure(Map<String, ?> configs) {
        faults = SandboxRegistry.lookup(configs).faults();
    }

    @Override
    public ConsumerRecords<byte[], byte[]> onConsume(ConsumerRecords<byte[], byte[]> records) {
        long holdUntil = 0;
        long delayMs = faults.mirrorDelay().toMillis();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            if (faults.shouldDrop(record.topic(), record.partition(), record.offset())) {
                record.headers().add(DROP_HEADER, "1".getBytes(StandardCharsets.US_ASCII));
            }
            if (delayMs > 0) {
                holdUntil = Math.max(holdUntil, record.timestamp() + delayMs);
            }
        }
        long wait = Math.min(holdUntil - System.currentTimeMillis(), Math.max(delayMs, 0));
        if (wait > 0) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return records;
    }

    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        // the mirror's source consumer does not commit
    }

    @Override
    public void close() {
        faults = null;
    }
}
