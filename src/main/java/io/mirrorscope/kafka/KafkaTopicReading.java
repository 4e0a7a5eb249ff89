package io.mirrorscope.kafka;

import io.mirrorscope.core.Problem;
import io.mirrorscope.core.records.PartitionRange;
import io.mirrorscope.core.records.RawRecord;
import io.mirrorscope.core.records.RecordBuffer;
import io.mirrorscope.core.records.StartPosition;
import io.mirrorscope.core.records.TopicReading;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * {@link TopicReading} on a real cluster: topics and offsets through the {@link ReadOnlyAdmin}, records through a
 * read-only consumer on its own {@link PartitionTailer} thread. One instance per cluster connection; close it with
 * the view.
 */
public final class KafkaTopicReading implements TopicReading, AutoCloseable {

    private final ConnectionSettings settings;
    private final ConsumerOptions options;
    private final ReadOnlyAdmin admin;

    public KafkaTopicReading(ConnectionSettings settings, ConsumerOptions options) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.options = Objects.requireNonNull(options, "options");
        this.admin = ReadOnlyClients.admin(settings, options);
    }

    @Override
    public List<String> topics() {
        return List.copyOf(admin.topicNames(false));
    }

    @Override
    public List<PartitionRange> partitions(String topic) {
        TopicDescription d = admin.describeTopics(List.of(topic)).get(topic);
        List<TopicPartition> tps = d.partitions().stream().map(TopicPartitionInfo::partition)
                .map(p -> new TopicPartition(topic, p)).toList();
        Map<TopicPartition, Long> begin = admin.beginningOffsets(tps);
        IsolationLevel level = options.isolation() == ConsumerOptions.Isolation.READ_COMMITTED
                ? IsolationLevel.READ_COMMITTED : IsolationLevel.READ_UNCOMMITTED;
        Map<TopicPartition, Long> end = admin.endOffsets(tps, level);
        List<PartitionRange> out = new ArrayList<>();
        for (TopicPartition tp : tps) {
            long b = begin.get(tp) == null ? 0 : begin.get(tp);
            long e = end.get(tp) == null ? b : Math.max(b, end.get(tp));
            out.add(new PartitionRange(tp.partition(), b, e));
        }
        return out;
    }

    @Override
    public java.util.Optional<RawRecord> record(String topic, int partition, long offset) {
        TopicPartition tp = new TopicPartition(topic, partition);
        try (org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer =
                     ReadOnlyClients.consumer(settings, options)) {
            consumer.assign(List.of(tp)); // assign only: no group, nothing committed
            Long begin = consumer.beginningOffsets(List.of(tp)).get(tp);
            Long end = consumer.endOffsets(List.of(tp)).get(tp);
            if (begin == null || end == null || offset < begin || offset >= end) {
                return java.util.Optional.empty(); // deleted by retention, or never written
            }
            consumer.seek(tp, offset);
            long deadline = System.nanoTime() + options.apiTimeout().toNanos();
            while (System.nanoTime() < deadline) {
                for (var r : consumer.poll(java.time.Duration.ofMillis(500)).records(tp)) {
                    if (r.offset() == offset) {
                        return java.util.Optional.of(TopicReader.toRaw(r));
                    }
                    if (r.offset() > offset) {
                        return java.util.Optional.empty(); // compacted away or a transaction marker
                    }
                }
            }
            return java.util.Optional.empty();
        } catch (RuntimeException e) {
            throw KafkaProblems.exception(e, settings);
        }
    }

    @Override
    public Tail open(String topic, List<Integer> partitions, StartPosition start, boolean follow, double rateLimit,
            RecordBuffer buffer, Consumer<Problem> onEnd) {
        RateLimit limit = new RateLimit(rateLimit);
        PartitionTailer tailer = new PartitionTailer(ReadOnlyClients.consumer(settings, options), settings,
                new ReadRequest(topic, partitions, start, follow), limit, new RecordSink() {
                    @Override
                    public boolean accept(List<RawRecord> batch) {
                        buffer.addAll(batch);
                        return true;
                    }

                    @Override
                    public void finished(Problem problem) {
                        onEnd.accept(problem);
                    }
                }).start();
        return new Tail() {
            @Override
            public void pause() {
                tailer.pause();
            }

            @Override
            public void resume() {
                tailer.resume();
            }

            @Override
            public void stop() {
                tailer.stop();
            }

            @Override
            public void setRateLimit(double recordsPerSecond) {
                limit.setRecordsPerSecond(recordsPerSecond);
            }

            @Override
            public double rate() {
                return tailer.stats().recordsPerSecond();
            }
        };
    }

    @Override
    public void close() {
        admin.close();
    }
}
