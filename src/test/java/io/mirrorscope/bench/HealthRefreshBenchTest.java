package io.mirrorscope.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorscope.core.health.ClusterReading;
import io.mirrorscope.core.health.HealthSettings;
import io.mirrorscope.core.health.HealthSnapshot;
import io.mirrorscope.core.health.LinkHealthTracker;
import io.mirrorscope.core.health.LinkReading;
import io.mirrorscope.core.health.LinkSpec;
import io.mirrorscope.core.health.PartitionKey;
import io.mirrorscope.core.health.Verdict;
import io.mirrorscope.core.inventory.TopicNaming;
import io.mirrorscope.kafka.ConnectionSettings;
import io.mirrorscope.kafka.health.HealthMonitor;
import io.mirrorscope.testkit.KafkaListener;
import io.mirrorscope.testkit.KafkaTestCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The health bar: 100 links × 50 topics × 12 partitions refreshed in ≤ 1 s of wall time. Two measurements, printed:
 * <ul>
 * <li>{@code engine}: judging alone (every link's tracker over synthetic readings), at full scale — 60,000
 * partitions per side, 100 links;</li>
 * <li>{@code wire}: whole rounds of {@link HealthMonitor#refresh()} against two local in-process brokers, 100 links
 * × {@code -Dhealth.bench.topicsPerLink} (default 5) × 12 partitions. A broker keeps a file open per partition and
 * this machine's hard limit is 20,000 descriptors, so the full 2 × 60,000 partitions cannot live in one JVM here;
 * the per-round requests are the same in number (one Metadata, one ListOffsets, one DescribeConfigs per cluster),
 * only their size grows.</li>
 * </ul>
 * Run: {@code ./mvnw -o test -Dsurefire.excludedGroups=soak -Dtest=HealthRefreshBenchTest}.
 */
@Tag("bench")
class HealthRefreshBenchTest {

    private static final int LINKS = 100;
    private static final int PARTITIONS = 12;

    private static LinkSpec spec(int link) {
        String alias = "s" + link;
        return new LinkSpec(null, alias, "src", "tgt", "tgt", "l" + link + "-t.*", null, null,
                TopicNaming.mirrorMaker2(null, alias, null), null, Map.of(), null);
    }

    @Test
    void engineJudges100LinksOf50TopicsOf12Partitions() {
        int topics = 50;
        Map<String, Integer> sourceCounts = new HashMap<>();
        Map<String, Integer> targetCounts = new HashMap<>();
        for (int l = 0; l < LINKS; l++) {
            for (int t = 0; t < topics; t++) {
                sourceCounts.put("l" + l + "-t" + t, PARTITIONS);
                targetCounts.put("s" + l + ".l" + l + "-t" + t, PARTITIONS);
            }
        }
        List<LinkHealthTracker> trackers = new ArrayList<>();
        for (int l = 0; l < LINKS; l++) {
            trackers.add(new LinkHealthTracker(spec(l), HealthSettings.DEFAULTS));
        }
        long[] rounds = new long[25];
        long[] cpu = new long[rounds.length];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int r = 0; r < rounds.length; r++) {
            Map<PartitionKey, Long> sourceEnds = new HashMap<>();
            Map<PartitionKey, Long> targetEnds = new HashMap<>();
            sourceCounts.forEach((topic, n) -> {
                for (int p = 0; p < n; p++) {
                    sourceEnds.put(new PartitionKey(topic, p), 1000L);
                }
            });
            targetCounts.forEach((topic, n) -> {
                for (int p = 0; p < n; p++) {
                    targetEnds.put(new PartitionKey(topic, p), 1000L);
                }
            });
            long at = 1_000_000L + r * 2000L;
            ClusterReading source = new ClusterReading(at, true, null, null, sourceCounts, sourceEnds, Map.of());
            ClusterReading target = new ClusterReading(at, true, null, null, targetCounts, targetEnds, Map.of());
            long t0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            for (LinkHealthTracker tracker : trackers) {
                assertThat(tracker.update(new LinkReading(at, source, target, null, List.of())).verdict())
                        .isEqualTo(Verdict.OK);
            }
            rounds[r] = System.nanoTime() - t0;
            cpu[r] = threads.getCurrentThreadCpuTime() - c0;
        }
        print("engine", LINKS + " links x " + topics + " topics x " + PARTITIONS + " partitions", rounds, 10);
        print("engine CPU", "same", cpu, 10);
    }

    @Test
    void wholeRoundsAgainstLocalBrokers() throws Exception {
        int topics = Integer.getInteger("health.bench.topicsPerLink", 5);
        try (KafkaTestCluster src = cluster("bench-src"); KafkaTestCluster tgt = cluster("bench-tgt")) {
            List<NewTopic> sourceTopics = new ArrayList<>();
            List<NewTopic> targetTopics = new ArrayList<>();
            for (int l = 0; l < LINKS; l++) {
                for (int t = 0; t < topics; t++) {
                    sourceTopics.add(new NewTopic("l" + l + "-t" + t, Optional.of(PARTITIONS), Optional.empty()));
                    targetTopics.add(new NewTopic("s" + l + ".l" + l + "-t" + t, Optional.of(PARTITIONS),
                            Optional.empty()));
                }
            }
            long created0 = System.nanoTime();
            create(src, sourceTopics);
            create(tgt, targetTopics);
            System.out.printf("health bench: created 2 x %d partitions in %d ms%n", LINKS * topics * PARTITIONS,
                    (System.nanoTime() - created0) / 1_000_000);
            List<HealthMonitor.Link> links = new ArrayList<>();
            ConnectionSettings s = ConnectionSettings.plaintext(src.bootstrap("PLAIN"));
            ConnectionSettings t = ConnectionSettings.plaintext(tgt.bootstrap("PLAIN"));
            for (int l = 0; l < LINKS; l++) {
                links.add(new HealthMonitor.Link(spec(l), s, t));
            }
            try (HealthMonitor monitor = new HealthMonitor(links, new HealthMonitor.Options(Duration.ofSeconds(2),
                    Duration.ofSeconds(30), Duration.ofSeconds(30), HealthSettings.DEFAULTS), null)) {
                // not measured: the brokers create thousands of partition logs after the controller answered
                long w0 = System.nanoTime();
                HealthSnapshot first = monitor.refresh();
                while (first.worst() != Verdict.OK && System.nanoTime() - w0 < TimeUnit.MINUTES.toNanos(4)) {
                    first = monitor.refresh();
                }
                System.out.printf("health bench: brokers ready and first round (with Metadata and DescribeConfigs "
                        + "of every topic) after %d ms%n", (System.nanoTime() - w0) / 1_000_000);
                long[] rounds = new long[12];
                long[] cpu = new long[rounds.length];
                java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
                for (int r = 0; r < rounds.length; r++) {
                    long t0 = System.nanoTime();
                    long c0 = threads.getCurrentThreadCpuTime();
                    HealthSnapshot snapshot = monitor.refresh();
                    cpu[r] = threads.getCurrentThreadCpuTime() - c0;
                    rounds[r] = System.nanoTime() - t0;
                    assertThat(snapshot.links()).hasSize(LINKS);
                    assertThat(snapshot.links().getFirst().topics()).hasSize(topics);
                    assertThat(snapshot.worst()).as("%s", snapshot.links().getFirst().reasons())
                            .isEqualTo(Verdict.OK);
                }
                print("wire", LINKS + " links x " + topics + " topics x " + PARTITIONS + " partitions", rounds, 2);
                print("wire, judging thread CPU", "same", cpu, 2);
            }
        }
    }

    private static KafkaTestCluster cluster(String name) {
        return KafkaTestCluster.builder(name).listener(KafkaListener.plain("PLAIN")).start();
    }

    private static void create(KafkaTestCluster cluster, List<NewTopic> topics) throws Exception {
        try (Admin admin = cluster.admin()) {
            for (int i = 0; i < topics.size(); i += 250) {
                admin.createTopics(topics.subList(i, Math.min(topics.size(), i + 250))).all()
                        .get(120, TimeUnit.SECONDS);
            }
        }
        // metadata propagates to the broker a moment after the controller answers
        Thread.sleep(2000);
    }

    private static void print(String what, String scale, long[] nanos, int warmup) {
        long[] measured = Arrays.copyOfRange(nanos, warmup, nanos.length);
        Arrays.sort(measured);
        System.out.printf("health bench: %s, %s: median %.1f ms, min %.1f ms, max %.1f ms over %d rounds%n", what,
                scale, measured[measured.length / 2] / 1e6, measured[0] / 1e6, measured[measured.length - 1] / 1e6,
                measured.length);
    }
}
