package io.mirrorscope.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mirrorscope.core.Problem;
import io.mirrorscope.core.records.PartitionRange;
import io.mirrorscope.core.records.RawRecord;
import io.mirrorscope.core.records.SeekPlan;
import io.mirrorscope.core.records.StartPosition;
import io.mirrorscope.testkit.KafkaListener;
import io.mirrorscope.testkit.KafkaTestCluster;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Proof on the wire that reading writes nothing: the broker advertises 127.0.0.2 where a recording proxy listens
 * (the broker itself is bound to 127.0.0.1 on the same port), so every request of MirrorScope's clients passes
 * through the proxy; a full session of browse, seek and tail is recorded and no writing API key appears.
 */
@Tag("kafka")
class ReadOnlyWireTest {

    /** Kafka API keys that write or join: none may ever be sent. */
    static final Map<Short, String> FORBIDDEN = Map.ofEntries(
            Map.entry((short) 0, "Produce"), Map.entry((short) 8, "OffsetCommit"),
            Map.entry((short) 11, "JoinGroup"), Map.entry((short) 12, "Heartbeat"),
            Map.entry((short) 14, "SyncGroup"), Map.entry((short) 19, "CreateTopics"),
            Map.entry((short) 20, "DeleteTopics"), Map.entry((short) 21, "DeleteRecords"),
            Map.entry((short) 22, "InitProducerId"), Map.entry((short) 24, "AddPartitionsToTxn"),
            Map.entry((short) 26, "EndTxn"), Map.entry((short) 28, "TxnOffsetCommit"),
            Map.entry((short) 30, "CreateAcls"), Map.entry((short) 31, "DeleteAcls"),
            Map.entry((short) 33, "AlterConfigs"), Map.entry((short) 37, "CreatePartitions"),
            Map.entry((short) 44, "IncrementalAlterConfigs"), Map.entry((short) 51, "AlterUserScramCredentials"),
            Map.entry((short) 68, "ConsumerGroupHeartbeat"), Map.entry((short) 72, "PushTelemetry"));

    @Test
    void browseSeekAndTailSendOnlyReadRequests() throws Exception {
        try (KafkaTestCluster kafka = KafkaTestCluster.builder("wire-cluster")
                .listener(KafkaListener.plain("ADMIN"))  // first plain listener = the testkit's admin listener
                .listener(KafkaListener.plain("PLAIN").advertising("127.0.0.2")).start()) {
            kafka.createTopic("orders", 3);
            int port = kafka.port("PLAIN");
            try (KafkaProducer<String, String> producer = kafka.stringProducer();
                    RecordingProxy proxy = new RecordingProxy("127.0.0.2", port,
                            new InetSocketAddress("127.0.0.1", port))) {
                for (int i = 0; i < 30; i++) {
                    producer.send(new ProducerRecord<>("orders", i % 3, "k" + i, "Hello world - " + i));
                }
                producer.flush();
                ConnectionSettings settings = ConnectionSettings.plaintext("127.0.0.2:" + port);
                ConsumerOptions options = ConsumerOptions.DEFAULTS.withApiTimeout(Duration.ofSeconds(15));

                // browse: cluster, topics, configs, offsets
                try (ReadOnlyAdmin admin = ReadOnlyClients.admin(settings, options)) {
                    assertThat(admin.describeCluster().brokers()).singleElement()
                            .satisfies(b -> assertThat(b.host()).isEqualTo("127.0.0.2"));
                    assertThat(admin.topicNames(false)).contains("orders");
                    assertThat(admin.describeTopics(List.of("orders")).get("orders").partitions()).hasSize(3);
                    assertThat(admin.describeTopicConfig("orders")).containsKey("retention.ms");
                    List<TopicPartition> tps = List.of(new TopicPartition("orders", 0),
                            new TopicPartition("orders", 1), new TopicPartition("orders", 2));
                    assertThat(admin.beginningOffsets(tps).values()).containsOnly(0L);
                    assertThat(admin.endOffsets(tps, IsolationLevel.READ_COMMITTED).values()).containsOnly(10L);
                    assertThat(admin.offsetsForTime(tps, System.currentTimeMillis() + 3_600_000).values())
                            .containsOnlyNulls();
                }

                // seek: beginning, offset, last N, time
                assertThat(Reads.readAll(settings, "orders", new StartPosition.Beginning(), options)).hasSize(30);
                assertThat(Reads.readAll(settings, "orders", new StartPosition.AtOffset(8), options)).hasSize(6);
                assertThat(Reads.readAll(settings, "orders", new StartPosition.LastN(1), options)).hasSize(3);
                assertThat(Reads.readAll(settings, "orders", new StartPosition.AtTime(0), options)).hasSize(30);

                // tail: follow from the end, pause/resume, reseek, stop
                List<RawRecord> tailed = new CopyOnWriteArrayList<>();
                List<SeekPlan> plans = new CopyOnWriteArrayList<>();
                CompletableFuture<Optional<Problem>> finished = new CompletableFuture<>();
                PartitionTailer tailer = new PartitionTailer(ReadOnlyClients.consumer(settings, options), settings,
                        new ReadRequest("orders", List.of(), new StartPosition.End(), true), new RateLimit(1000),
                        new RecordSink() {
                            @Override
                            public void planned(List<PartitionRange> ranges, SeekPlan plan) {
                                plans.add(plan);
                            }

                            @Override
                            public boolean accept(List<RawRecord> batch) {
                                tailed.addAll(batch);
                                return true;
                            }

                            @Override
                            public void finished(Problem problem) {
                                // handed to the test thread: an assertion here would fail only the tailer's thread
                                finished.complete(Optional.ofNullable(problem));
                            }
                        }).start();
                await().atMost(Duration.ofSeconds(20)).until(() -> plans.size() == 1);
                producer.send(new ProducerRecord<>("orders", 1, "live", "live 1"));
                producer.flush();
                await().atMost(Duration.ofSeconds(20)).until(() -> tailed.size() == 1);
                tailer.pause();
                // held paused for a while (the wire must stay read-only meanwhile), delivering nothing
                await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).alias("nothing while paused")
                        .until(() -> tailed.size() == 1);
                tailer.resume();
                tailer.reseek(new ReadRequest("orders", List.of(2), new StartPosition.LastN(2), true));
                await().atMost(Duration.ofSeconds(20)).alias("tail after reseek").untilAsserted(() ->
                        assertThat(tailed).as("plans %s", plans).hasSize(3));
                tailer.stop();
                assertThat(finished.get(20, TimeUnit.SECONDS)).as("the tailer's problem").isEmpty();
                assertThat(new String(tailed.getFirst().value(), StandardCharsets.UTF_8)).isEqualTo("live 1");

                Set<Short> seen = new TreeSet<>(proxy.apiKeys());
                // the proxy saw the session: metadata, list offsets, fetch, describe configs
                assertThat(seen).contains((short) 1, (short) 2, (short) 3, (short) 32, (short) 60);
                assertThat(seen).as("API keys sent: %s", seen).doesNotContainAnyElementsOf(FORBIDDEN.keySet());
            }
        }
    }
}
