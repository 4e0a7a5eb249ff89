package io.mirrorscope.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Each fault switch, checked from outside with plain consumers on both clusters. One sandbox for the class. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("sandbox")
class SandboxFaultsTest {

    private static Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxOptions.defaults().withProduceInterval(Duration.ofMillis(50)));
        await().atMost(Duration.ofSeconds(30)).until(() -> targetEnd() > 20);
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @AfterEach
    void allFaultsOff() {
        sandbox.faults().dropEveryKth(0);
        sandbox.faults().slowMirror(Duration.ZERO);
        if (sandbox.faults().mirrorPaused()) {
            sandbox.faults().resumeMirror();
        }
        if (!sandbox.faults().targetBrokerRunning()) {
            sandbox.faults().startTargetBroker();
        }
    }

    @Test
    @Order(1)
    void droppedRecordsNeverReachTheTargetWhileTheirNeighboursDo() {
        sandbox.faults().dropEveryKth(4);
        await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.faults().dropped().size() >= 5);
        sandbox.faults().dropEveryKth(0);
        List<SandboxFaults.DroppedRecord> dropped = sandbox.faults().dropped();

        Map<String, ConsumerRecord<String, String>> source = byCoordinates(SandboxProbe.readAll(
                sandbox.europe().clientConfig(Sandbox.PLAIN), Sandbox.TOPIC));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> target = SandboxProbe.readAll(
                    sandbox.us().clientConfig(Sandbox.PLAIN), Sandbox.TARGET_TOPIC);
            List<String> targetValues = target.stream().map(ConsumerRecord::value).toList();
            for (SandboxFaults.DroppedRecord d : dropped) {
                ConsumerRecord<String, String> original = source.get(d.partition() + "@" + d.offset());
                assertThat(original).as("dropped record exists on the source").isNotNull();
                assertThat(targetValues).as("dropped " + original.value()).doesNotContain(original.value());
                // the record after it in the same partition did arrive (only the k-th goes missing)
                ConsumerRecord<String, String> next = source.get(d.partition() + "@" + (d.offset() + 1));
                if (next != null && dropped.stream().noneMatch(o -> o.partition() == d.partition()
                        && o.offset() == d.offset() + 1)) {
                    assertThat(targetValues).contains(next.value());
                }
            }
        });
    }

    @Test
    @Order(2)
    void pausedMirrorStopsReplicationUntilResumed() throws Exception {
        sandbox.faults().pauseMirror();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            ConnectorStateInfo info = sandbox.mirror().status("MirrorSourceConnector");
            return info != null && "PAUSED".equals(info.connector().state());
        });
        // records in flight when the pause took effect still land: wait until the target's end stands still
        long[] last = {-1};
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(1500)).until(() -> {
            long now = targetEnd();
            boolean still = now == last[0];
            last[0] = now;
            return still;
        });
        long targetWhilePaused = targetEnd();
        long sourceWhilePaused = sourceEnd();
        await().atMost(Duration.ofSeconds(30)).alias("the producer keeps writing")
                .until(() -> sourceEnd() > sourceWhilePaused);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).alias("nothing is mirrored while paused")
                .until(() -> targetEnd() == targetWhilePaused);

        sandbox.faults().resumeMirror();
        await().atMost(Duration.ofSeconds(30)).until(() -> targetEnd() > targetWhilePaused + 20);
    }

    @Test
    @Order(3)
    void slowMirrorDelaysEachRecordByTheConfiguredTime() {
        sandbox.faults().slowMirror(Duration.ofSeconds(2));
        long switchedOn = System.currentTimeMillis() + 500;
        Map<String, Object> config = new HashMap<>(sandbox.us().clientConfig(Sandbox.PLAIN));
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        long minDelay = Long.MAX_VALUE;
        int seen = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Sandbox.TARGET_TOPIC).stream()
                    .map(p -> new TopicPartition(Sandbox.TARGET_TOPIC, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            long deadline = System.currentTimeMillis() + 30_000;
            while (seen < 30 && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    // the target keeps the source timestamp, so arrival - timestamp is the replication delay
                    if (record.timestamp() > switchedOn) {
                        minDelay = Math.min(minDelay, System.currentTimeMillis() - record.timestamp());
                        seen++;
                    }
                }
            }
        }
        assertThat(seen).isGreaterThanOrEqualTo(30);
        assertThat(minDelay).isGreaterThanOrEqualTo(1900);
    }

    @Test
    @Order(4)
    void replayWritesTheRangeToTheTargetAgain() {
        // Earlier tests dropped records on purpose: replay five consecutive source offsets that all reached the
        // target exactly once (which offsets those are depends on timing, so find them rather than assume 0-4).
        long[] start = new long[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            start[0] = firstWindowMirroredOnce(3, 5);
            return start[0] >= 0;
        });
        Map<String, Long> before = countsOfPartition(3);

        int replayed = sandbox.faults().replay(3, start[0], start[0] + 4);

        assertThat(replayed).isEqualTo(5);
        Map<String, Long> after = countsOfPartition(3);
        List<ConsumerRecord<String, String>> source = sourceRecords(3).stream()
                .filter(r -> r.offset() >= start[0] && r.offset() <= start[0] + 4).toList();
        assertThat(source).hasSize(5);
        for (ConsumerRecord<String, String> r : source) {
            assertThat(before.get(r.value())).isEqualTo(1L);
            assertThat(after.get(r.value())).as("duplicate of " + r.value()).isEqualTo(2L);
        }
    }

    /** The first offset of {@code size} consecutive source records of a partition each on the target once, or -1. */
    private static long firstWindowMirroredOnce(int partition, int size) {
        Map<String, Long> target = countsOfPartition(partition);
        List<ConsumerRecord<String, String>> source = sourceRecords(partition);
        int run = 0;
        for (ConsumerRecord<String, String> r : source) {
            run = Long.valueOf(1L).equals(target.get(r.value())) ? run + 1 : 0;
            if (run == size) {
                return r.offset() - size + 1;
            }
        }
        return -1;
    }

    private static List<ConsumerRecord<String, String>> sourceRecords(int partition) {
        return SandboxProbe.readAll(sandbox.europe().clientConfig(Sandbox.PLAIN), Sandbox.TOPIC).stream()
                .filter(r -> r.partition() == partition)
                .sorted(Comparator.comparingLong(ConsumerRecord::offset)).toList();
    }

    @Test
    @Order(5)
    void stoppedTargetBrokerRefusesConnectionsAndReplicationResumesAfterStart() {
        int port = sandbox.us().port(Sandbox.PLAIN);
        sandbox.faults().stopTargetBroker();
        assertThat(sandbox.faults().targetBrokerRunning()).isFalse();
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            }
        }).isInstanceOf(java.io.IOException.class);
        long sourceBefore = sourceEnd();

        sandbox.faults().startTargetBroker();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2))
                .until(() -> targetEnd() >= sourceBefore);
    }

    @Test
    void faultSpecsAreCheckedBeforeAnythingStarts() {
        assertThat(SandboxFaults.parse("pause, drop-every=5,slow=2s,replay=0:0-9,target-broker-down"))
                .containsExactly("pause", "drop-every=5", "slow=2s", "replay=0:0-9", "target-broker-down");
        assertThatThrownBy(() -> SandboxFaults.parse("drop=5")).hasMessageContaining("bad fault 'drop=5'");
    }

    private static Map<String, Long> countsOfPartition(int partition) {
        return SandboxProbe.readAll(sandbox.us().clientConfig(Sandbox.PLAIN), Sandbox.TARGET_TOPIC).stream()
                .filter(r -> r.partition() == partition)
                .collect(Collectors.groupingBy(ConsumerRecord::value, Collectors.counting()));
    }

    private static Map<String, ConsumerRecord<String, String>> byCoordinates(
            List<ConsumerRecord<String, String>> records) {
        return records.stream().collect(Collectors.toMap(r -> r.partition() + "@" + r.offset(), Function.identity()));
    }

    private static long sourceEnd() {
        return SandboxProbe.endOffsetSum(sandbox.europe().clientConfig(Sandbox.PLAIN), Sandbox.TOPIC);
    }

    private static long targetEnd() {
        return SandboxProbe.endOffsetSum(sandbox.us().clientConfig(Sandbox.PLAIN), Sandbox.TARGET_TOPIC);
    }
}
