package io.mirrorscope.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mirrorscope.core.Problem;
import io.mirrorscope.core.records.PartitionRange;
import io.mirrorscope.core.records.RawRecord;
import io.mirrorscope.core.records.SeekPlan;
import io.mirrorscope.core.records.StartPosition;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class PartitionTailerTest {

    private static final String TOPIC = "t";
    private static final ConnectionSettings SETTINGS = ConnectionSettings.plaintext("mock:9092");

    /** A mock topic with 2 partitions: p0 offsets [0, 10), p1 offsets [5, 8); timestamps = 1000 * offset. */
    private static MockConsumer<byte[], byte[]> consumer() {
        return consumer(Map.of());
    }

    /** offsetsForTimes answers from {@code byTime} (partitions absent there: no offset at or after the time). */
    private static MockConsumer<byte[], byte[]> consumer(Map<TopicPartition, Long> byTime) {
        MockConsumer<byte[], byte[]> c = new MockConsumer<>("earliest") {
            @Override
            public synchronized Map<TopicPartition, OffsetAndTimestamp> offsetsForTimes(
                    Map<TopicPartition, Long> query) {
                Map<TopicPartition, OffsetAndTimestamp> out = new HashMap<>();
                query.forEach((tp, ts) -> out.put(tp, byTime.containsKey(tp)
                        ? new OffsetAndTimestamp(byTime.get(tp), ts) : null));
                return out;
            }
        };
        Node node = new Node(0, "mock", 9092);
        c.updatePartitions(TOPIC, List.of(new PartitionInfo(TOPIC, 0, node, null, null),
                new PartitionInfo(TOPIC, 1, node, null, null)));
        TopicPartition p0 = new TopicPartition(TOPIC, 0);
        TopicPartition p1 = new TopicPartition(TOPIC, 1);
        c.updateBeginningOffsets(Map.of(p0, 0L, p1, 5L));
        c.updateEndOffsets(Map.of(p0, 10L, p1, 8L));
        return c;
    }

    private static ConsumerRecord<byte[], byte[]> rec(int partition, long offset, long timestamp) {
        return new ConsumerRecord<>(TOPIC, partition, offset, timestamp, TimestampType.CREATE_TIME, 0, 0,
                null, ("v" + partition + "-" + offset).getBytes(StandardCharsets.UTF_8), new RecordHeaders(),
                java.util.Optional.empty());
    }

    /** Feeds every record of the mock topic once the tailer has assigned and sought. */
    private static void feedAll(MockConsumer<byte[], byte[]> c) {
        c.schedulePollTask(() -> {
            for (long o = 0; o < 10; o++) {
                c.addRecord(rec(0, o, 1000 * o));
            }
            for (long o = 5; o < 8; o++) {
                c.addRecord(rec(1, o, 1000 * o));
            }
        });
    }

    static final class Collect implements RecordSink {
        final List<RawRecord> records = new CopyOnWriteArrayList<>();
        final AtomicReference<SeekPlan> plan = new AtomicReference<>();
        final AtomicReference<List<PartitionRange>> ranges = new AtomicReference<>();
        final CountDownLatch done = new CountDownLatch(1);
        final AtomicReference<Problem> problem = new AtomicReference<>();
        int limit = Integer.MAX_VALUE;

        @Override
        public void planned(List<PartitionRange> r, SeekPlan p) {
            ranges.set(r);
            plan.set(p);
        }

        @Override
        public boolean accept(List<RawRecord> batch) {
            records.addAll(batch);
            return records.size() < limit;
        }

        @Override
        public void finished(Problem p) {
            problem.set(p);
            done.countDown();
        }
    }

    @Test
    void boundedReadFromBeginningStopsAtEndOffsetsWithAssignOnly() throws Exception {
        MockConsumer<byte[], byte[]> c = consumer();
        feedAll(c);
        Collect sink = new Collect();
        new PartitionTailer(c, SETTINGS, new ReadRequest(TOPIC, List.of(), new StartPosition.Beginning(), false),
                null, sink).start();
        assertThat(sink.done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(sink.problem.get()).isNull();
        assertThat(sink.records).hasSize(13);
        assertThat(sink.ranges.get()).containsExactly(new PartitionRange(0, 0, 10), new PartitionRange(1, 5, 8));
        assertThat(c.subscription()).isEmpty();
        assertThat(c.closed()).isTrue();
    }

    @Test
    void lastNAndPartitionChoice() throws Exception {
        MockConsumer<byte[], byte[]> c = consumer();
        c.schedulePollTask(() -> {
            for (long o = 0; o < 10; o++) {
                c.addRecord(rec(0, o, 1000 * o));
            }
        });
        Collect sink = new Collect();
        new PartitionTailer(c, SETTINGS, new ReadRequest(TOPIC, List.of(0), new StartPosition.LastN(3), false),
                null, sink).start();
        assertThat(sink.done.await(10, TimeUnit.SECONDS)).isTrue();
        // MockConsumer hands out records from the sought position on
        assertThat(sink.records).extracting(RawRecord::offset).containsExactly(7L, 8L, 9L);
        assertThat(sink.records).allMatch(r -> r.partition() == 0);
    }

    @Test
    void timeSeekHidesEarlierTimestamps() throws Exception {
        MockConsumer<byte[], byte[]> c = consumer(Map.of(new TopicPartition(TOPIC, 0), 6L));
        c.schedulePollTask(() -> {
            c.addRecord(rec(0, 6, 6000));
            c.addRecord(rec(0, 7, 1000));  // CreateTime older than asked: hidden
            c.addRecord(rec(0, 8, 9000));
            c.addRecord(rec(0, 9, 9500));
        });
        Collect sink = new Collect();
        new PartitionTailer(c, SETTINGS, new ReadRequest(TOPIC, List.of(), new StartPosition.AtTime(6000), false),
                null, sink).start();
        assertThat(sink.done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(sink.records).extracting(RawRecord::offset).containsExactly(6L, 8L, 9L);
        assertThat(sink.plan.get().partitions()).containsExactly(0);  // p1 had no offset for the time: dropped
    }

    @Test
    void limitStopsTheRead() throws Exception {
        MockConsumer<byte[], byte[]> c = consumer();
        feedAll(c);
        Collect sink = new Collect();
        sink.limit = 1;
        new PartitionTailer(c, SETTINGS, new ReadRequest(TOPIC, List.of(), new StartPosition.Beginning(), false),
                null, sink).start();
        assertThat(sink.done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(c.closed()).isTrue();
    }

    @Test
    void followPausesResumesAndStopsWithWakeup() throws Exception {
        MockConsumer<byte[], byte[]> c = consumer();
        Collect sink = new Collect();
        PartitionTailer tailer = new PartitionTailer(c, SETTINGS,
                new ReadRequest(TOPIC, List.of(), new StartPosition.End(), true), null, sink).start();
        await().atMost(Duration.ofSeconds(5)).until(() -> sink.plan.get() != null);
        c.schedulePollTask(() -> c.addRecord(rec(0, 10, 10_000)));
        await().atMost(Duration.ofSeconds(5)).until(() -> sink.records.size() == 1);

        tailer.pause();
        await().atMost(Duration.ofSeconds(5)).until(() -> c.paused().size() == 2);
        tailer.resume();
        await().atMost(Duration.ofSeconds(5)).until(() -> c.paused().isEmpty());
        c.schedulePollTask(() -> c.addRecord(rec(1, 8, 10_000)));
        await().atMost(Duration.ofSeconds(5)).until(() -> sink.records.size() == 2);
        assertThat(tailer.stats().records()).isEqualTo(2);

        tailer.stop();
        assertThat(sink.done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(sink.problem.get()).isNull();
        assertThat(c.closed()).isTrue();
    }

    @Test
    void reseekStartsOverWithTheSameConsumer() throws Exception {
        MockConsumer<byte[], byte[]> c = consumer();
        Collect sink = new Collect();
        PartitionTailer tailer = new PartitionTailer(c, SETTINGS,
                new ReadRequest(TOPIC, List.of(), new StartPosition.End(), true), null, sink).start();
        await().atMost(Duration.ofSeconds(5)).until(() -> sink.plan.get() != null);
        SeekPlan first = sink.plan.get();
        tailer.reseek(new ReadRequest(TOPIC, List.of(1), new StartPosition.Beginning(), true));
        await().atMost(Duration.ofSeconds(5)).until(() -> sink.plan.get() != first);
        assertThat(sink.plan.get().partitions()).containsExactly(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> c.assignment().size() == 1);
        assertThat(c.position(new TopicPartition(TOPIC, 1))).isEqualTo(5L);
        tailer.stop();
    }

    @Test
    void unknownTopicIsAProblemNotACrash() throws Exception {
        MockConsumer<byte[], byte[]> c = consumer();
        Collect sink = new Collect();
        new PartitionTailer(c, SETTINGS, new ReadRequest("nope", List.of(), new StartPosition.Beginning(), false),
                null, sink).start();
        assertThat(sink.done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(sink.problem.get().kind()).isEqualTo(Problem.Kind.NOT_FOUND);
    }

    @Test
    void rateLimitSpreadsIntake() {
        RateLimit limit = new RateLimit(100);
        long now = 0;
        assertThat(limit.reserve(50, now)).isEqualTo(500_000_000L);
        assertThat(limit.reserve(50, now)).isEqualTo(1_000_000_000L);
        limit.setRecordsPerSecond(0);
        assertThat(limit.reserve(1_000, now)).isZero();
        assertThat(limit.getRecordsPerSecond()).isZero();
    }
}
