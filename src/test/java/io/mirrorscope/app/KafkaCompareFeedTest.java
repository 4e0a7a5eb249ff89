package io.mirrorscope.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mirrorscope.core.mirror.MatchSnapshot;
import io.mirrorscope.core.mirror.TopicMapping;
import io.mirrorscope.kafka.ConnectionSettings;
import io.mirrorscope.kafka.ConsumerOptions;
import io.mirrorscope.kafka.compare.CompareRequest;
import io.mirrorscope.kafka.compare.LiveCompare;
import io.mirrorscope.testkit.KafkaTestCluster;
import io.mirrorscope.ui.sidebyside.CompareFeed;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The window's compare feed on a real broker: a source topic and a copy the test writes itself (a faithful mirror
 * that keeps partition, key, value and timestamp). Live from a time, pause (nothing read, nothing counted), resume
 * (the records written meanwhile arrive), seek to a later time on one partition (a new matcher: counters start
 * again, only that partition), previews of new rows and a pair read in full.
 */
@Tag("kafka")
class KafkaCompareFeedTest {

    private static final int PARTITIONS = 2;
    private static final long T0 = System.currentTimeMillis() - 600_000L;
    private static KafkaTestCluster cluster;

    @BeforeAll
    static void start() {
        cluster = KafkaTestCluster.builder("feed").start();
        cluster.createTopic("orders", PARTITIONS);
        cluster.createTopic("orders-copy", PARTITIONS);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** Records from, from+1, … to both topics; record i in partition i % 2 at T0 + i seconds. */
    private static void write(int from, int count) throws Exception {
        try (var producer = cluster.stringProducer()) {
            for (int i = from; i < from + count; i++) {
                for (String topic : List.of("orders", "orders-copy")) {
                    producer.send(new ProducerRecord<>(topic, i % PARTITIONS, T0 + i * 1_000L, "k-" + i,
                            "{\"order\":" + i + "}")).get(10, TimeUnit.SECONDS);
                }
            }
        }
    }

    /**
     * A view whose FX thread is busy for longer than the snapshot interval skips snapshots: the next one it takes
     * must still carry every record read since the last one it took, or rows never reach its table.
     */
    @Test
    void aViewThatTakesSnapshotsSeldomStillGetsEveryRow() throws Exception {
        cluster.createTopic("seldom", PARTITIONS);
        cluster.createTopic("seldom-copy", PARTITIONS);
        ConnectionSettings settings = ConnectionSettings.plaintext(cluster.internalBootstrap());
        CompareRequest request = CompareRequest.of(new TopicMapping("seldom", "seldom-copy", "given"))
                .withGrace(Duration.ofSeconds(3));
        KafkaCompareFeed feed = new KafkaCompareFeed(LiveCompare.open(settings, settings, ConsumerOptions.DEFAULTS,
                request, Clock.systemUTC(), e -> { }), new CompareFeed.Sides("a", "seldom", "a", "seldom-copy",
                "given"), () -> { });
        io.mirrorscope.ui.sidebyside.PairTableModel table = new io.mirrorscope.ui.sidebyside.PairTableModel(10_000);
        int total = 0;
        try (var producer = cluster.stringProducer()) {
            feed.start(-1, Set.of());
            await().atMost(Duration.ofSeconds(30)).until(() -> feed.snapshot() != null);
            long taken = 0;
            for (int batch = 0; batch < 25; batch++) {
                for (int i = 0; i < 40; i++, total++) {
                    long ts = System.currentTimeMillis();
                    for (String topic : List.of("seldom", "seldom-copy")) {
                        producer.send(new ProducerRecord<>(topic, total % PARTITIONS, ts, "k-" + total, "v"));
                    }
                }
                producer.flush();
                Thread.sleep(120);
                if (batch % 6 == 5) { // about every 700 ms: two or three snapshots skipped each time
                    MatchSnapshot s = feed.snapshot();
                    table.merge(s, feed::preview);
                    taken++;
                }
            }
            int written = total;
            MatchSnapshot last = await().atMost(Duration.ofSeconds(30)).until(feed::snapshot,
                    s -> s.matched() == written);
            table.merge(last, feed::preview);
            assertThat(taken).isGreaterThan(2);
        } finally {
            feed.close();
        }
        assertThat(table).as("every record reached the table").hasSize(total);
        assertThat(table).allSatisfy(r -> assertThat(r.state()).isEqualTo(MatchSnapshot.PairState.MATCHED));
    }

    @Test
    void pauseStopsBothSidesResumeCatchesUpSeekStartsAgainOnChosenPartitions() throws Exception {
        write(0, 40);
        ConnectionSettings settings = ConnectionSettings.plaintext(cluster.internalBootstrap());
        List<RuntimeException> failures = new CopyOnWriteArrayList<>();
        AtomicBoolean released = new AtomicBoolean();
        CompareRequest request = CompareRequest.of(new TopicMapping("orders", "orders-copy", "given"))
                .withGrace(Duration.ofSeconds(3));
        KafkaCompareFeed feed = new KafkaCompareFeed(LiveCompare.open(settings, settings, ConsumerOptions.DEFAULTS,
                request, Clock.systemUTC(), failures::add), new CompareFeed.Sides("a", "orders", "a", "orders-copy",
                "given"), () -> released.set(true));
        try {
            assertThat(feed.partitions()).containsExactly(0, 1);
            feed.start(T0, Set.of());
            MatchSnapshot first = await().atMost(Duration.ofSeconds(30)).until(feed::snapshot,
                    s -> s != null && s.matched() == 40);
            assertThat(first.missing()).isZero();
            assertThat(first.duplicates()).isZero();
            assertThat(first.sourceRecords()).isEqualTo(40);
            assertThat(feed.live()).isTrue();
            assertThat(feed.preview(1, 3).value()).isEqualTo("{\"order\":7}");

            CompletableFuture<CompareFeed.Pair> pair = new CompletableFuture<>();
            feed.fetch(0, 2, 0, 2, pair::complete, pair::completeExceptionally);
            CompareFeed.Pair read = pair.get(30, TimeUnit.SECONDS);
            assertThat(new String(read.source().key(), StandardCharsets.UTF_8)).isEqualTo("k-4");
            assertThat(read.target()).hasValueSatisfying(t -> assertThat(new String(t.value(),
                    StandardCharsets.UTF_8)).isEqualTo("{\"order\":4}"));

            feed.pause();
            assertThat(feed.live()).isFalse();
            write(40, 20);
            Thread.sleep(1_500); // several poll intervals: a run that kept reading would have counted them
            assertThat(feed.snapshot().sourceRecords()).as("nothing read while paused").isEqualTo(40);

            feed.resume();
            MatchSnapshot resumed = await().atMost(Duration.ofSeconds(30)).until(feed::snapshot,
                    s -> s.matched() == 60);
            assertThat(resumed.missing()).isZero();
            assertThat(resumed.pending()).isZero();

            // from record 40 on, partition 1 only: records 41, 43, … 59
            feed.seek(T0 + 40_000L, Set.of(1));
            MatchSnapshot sought = await().atMost(Duration.ofSeconds(30)).until(feed::snapshot,
                    s -> s != null && s.matched() == 10);
            assertThat(sought.sourceRecords()).as("a new matcher: counters start again").isEqualTo(10);
            assertThat(sought.partitions()).extracting(MatchSnapshot.PartitionState::partition).containsExactly(1);
            assertThat(sought.recentPairs()).extracting(MatchSnapshot.PairRow::offset)
                    .containsExactly(20L, 21L, 22L, 23L, 24L, 25L, 26L, 27L, 28L, 29L);
            assertThat(sought.recentPairs()).allSatisfy(r -> assertThat(r.state())
                    .isEqualTo(MatchSnapshot.PairState.MATCHED));
            assertThat(failures).isEmpty();
        } finally {
            feed.close();
        }
        await().atMost(Duration.ofSeconds(60)).untilTrue(released);
        assertThat(feed.live()).isFalse();
    }
}
