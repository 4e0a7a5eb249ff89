package io.mirrorscope.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorscope.core.inventory.Health;
import io.mirrorscope.core.inventory.TopicNaming;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LinkHealthTrackerTest {

    private static final Map<String, String> FILTER = Map.of(
            "transforms", "dropMarked",
            "transforms.dropMarked.type", "org.apache.kafka.connect.transforms.Filter",
            "transforms.dropMarked.predicate", "marked",
            "predicates", "marked",
            "predicates.marked.type", "org.apache.kafka.connect.transforms.predicates.HasHeaderKey",
            "predicates.marked.name", "drop");

    private static LinkSpec spec(Map<String, String> config, Health cr) {
        return new LinkSpec("m eu->us", "eu", "eu:9092", "us", "us:9092", "orders.*", "orders-private", null,
                TopicNaming.mirrorMaker2(null, "eu", null), null, config, cr);
    }

    /** A world of two partitions of {@code orders} → {@code eu.orders}, with end offsets set per round. */
    private static final class World {
        final Map<String, Integer> sourceTopics = new HashMap<>(Map.of("orders", 2));
        final Map<String, Integer> targetTopics = new HashMap<>(Map.of("eu.orders", 2, "eu.heartbeats", 1));
        final Map<PartitionKey, Long> sourceEnds = new HashMap<>();
        final Map<PartitionKey, Long> targetEnds = new HashMap<>();
        final Map<String, Map<String, String>> sourceConfigs = new HashMap<>();
        final Map<String, Map<String, String>> targetConfigs = new HashMap<>();
        List<LinkReading.CheckpointReading> checkpoints = List.of();
        boolean sourceUp = true;
        boolean targetUp = true;
        Long heartbeat;

        void ends(long source, long target) {
            for (int p = 0; p < 2; p++) {
                sourceEnds.put(new PartitionKey("orders", p), source);
                targetEnds.put(new PartitionKey("eu.orders", p), target);
            }
        }

        LinkReading reading(long at) {
            ClusterReading s = sourceUp ? new ClusterReading(at, true, null, null, sourceTopics, sourceEnds,
                    sourceConfigs)
                    : ClusterReading.unanswered(at, "connection refused");
            ClusterReading t = targetUp ? new ClusterReading(at, true, null, null, targetTopics, targetEnds,
                    targetConfigs)
                    : ClusterReading.unanswered(at, "connection refused");
            return new LinkReading(at, s, t, new LinkReading.HeartbeatReading("eu.heartbeats", true,
                    heartbeat == null ? at - 500 : heartbeat, true), checkpoints);
        }
    }

    @Test
    void aMirrorThatKeepsUpIsOkWithRatesGapAndFreshHeartbeats() {
        World w = new World();
        LinkHealthTracker tracker = new LinkHealthTracker(spec(Map.of(), Health.READY), HealthSettings.DEFAULTS);
        LinkHealth h = null;
        for (int i = 0; i < 8; i++) {
            // target one round behind in one sample out of two: noise, not a trend
            w.ends(100L * i, 100L * i - (i % 2 == 0 ? 0 : 3));
            h = tracker.update(w.reading(10_000 + 2_000L * i));
        }
        assertThat(h.verdict()).isEqualTo(Verdict.OK);
        assertThat(h.reasons()).isEmpty();
        LinkHealth.TopicHealth orders = h.topics().getFirst();
        assertThat(orders.state()).isEqualTo(LinkHealth.TopicState.MIRRORED);
        assertThat(orders.target()).isEqualTo("eu.orders");
        assertThat(orders.endOffsetGap()).isEqualTo(6);
        assertThat(orders.sourceRate()).isEqualTo(100.0); // 2 partitions × 100 per 2 s
        assertThat(orders.partitions()).extracting(LinkHealth.PartitionHealth::gap).containsExactly(3L, 3L);
        assertThat(orders.gapHistory()).hasSize(8);
        assertThat(h.heartbeats().ageMs()).isEqualTo(500);
        assertThat(h.heartbeats().stale()).isFalse();
        assertThat(h.source().reachable()).isTrue();
    }

    @Test
    void aGrowingGapWithASlowerTargetIsDegradedNamesTheFilterAndOverridesTheReadyResource() {
        World w = new World();
        LinkHealthTracker tracker = new LinkHealthTracker(spec(FILTER, Health.READY), HealthSettings.DEFAULTS);
        LinkHealth h = null;
        for (int i = 0; i < 6; i++) {
            w.ends(100L * i, 80L * i); // every 5th record never arrives
            h = tracker.update(w.reading(2_000L * i));
        }
        assertThat(h.verdict()).isEqualTo(Verdict.DEGRADED);
        assertThat(h.reasons()).anySatisfy(r -> assertThat(r)
                .startsWith("the gap of orders → eu.orders grew from 40 to 200 records in 8.0 s")
                .contains("target 80.0 rec/s, source 100.0 rec/s"));
        assertThat(h.reasons()).anySatisfy(r -> assertThat(r).contains("drops records that have header `drop`")
                .contains("transform dropMarked"));
        assertThat(h.reasons()).last().asString().contains("says Ready").contains("the data wins");
        assertThat(h.transforms()).containsExactly("drops records that have header `drop` (transform dropMarked)");
    }

    @Test
    void aTargetThatTakesNothingWhileTheSourceGrowsIsDegradedAsIsAStaleHeartbeat() {
        World w = new World();
        LinkHealthTracker tracker = new LinkHealthTracker(spec(Map.of(), Health.UNKNOWN), HealthSettings.DEFAULTS);
        LinkHealth h = null;
        w.heartbeat = 0L;
        for (int i = 0; i < 6; i++) {
            w.ends(10 + i, 10);
            h = tracker.update(w.reading(20_000 + 1_000L * i));
        }
        assertThat(h.verdict()).isEqualTo(Verdict.DEGRADED);
        assertThat(h.reasons()).anySatisfy(r -> assertThat(r).startsWith("eu.orders took no record in 4.0 s"));
        assertThat(h.reasons()).anySatisfy(r -> assertThat(r).contains("heartbeat").contains("25 s old"));
        assertThat(h.heartbeats().stale()).isTrue();
        assertThat(h.reasons()).noneMatch(r -> r.contains("Ready"));
    }

    @Test
    void aClusterWithoutAnswerDegradesAtOnceAndFailsAfterTheThreshold() {
        World w = new World();
        w.ends(5, 5);
        LinkHealthTracker tracker = new LinkHealthTracker(spec(Map.of(), Health.READY),
                HealthSettings.DEFAULTS.withUnreachableAfter(Duration.ofSeconds(10)));
        assertThat(tracker.update(w.reading(1_000)).verdict()).isEqualTo(Verdict.OK);
        w.targetUp = false;
        LinkHealth soon = tracker.update(w.reading(4_000));
        assertThat(soon.verdict()).isEqualTo(Verdict.DEGRADED);
        assertThat(soon.target().reachable()).isFalse();
        assertThat(soon.target().lastAnswerMillis()).isEqualTo(1_000);
        LinkHealth late = tracker.update(w.reading(11_000));
        assertThat(late.verdict()).isEqualTo(Verdict.FAILING);
        assertThat(late.reasons()).first().asString()
                .isEqualTo("the target us has not answered for 10 s: connection refused");
        // the last known topics stay on screen while it is down
        assertThat(late.topics()).extracting(LinkHealth.TopicHealth::source).contains("orders");
        w.targetUp = true;
        assertThat(tracker.update(w.reading(12_000)).verdict()).isEqualTo(Verdict.OK);

        World never = new World();
        never.sourceUp = false;
        LinkHealth h = new LinkHealthTracker(spec(Map.of(), Health.READY), HealthSettings.DEFAULTS)
                .update(never.reading(1));
        assertThat(h.verdict()).isEqualTo(Verdict.FAILING);
        assertThat(h.reasons()).first().asString().isEqualTo("the source eu does not answer: connection refused");
    }

    @Test
    void coverageNotMirroredExcludedOrphansAndDifferentPartitionCounts() {
        World w = new World();
        w.sourceTopics.put("orders-new", 3);      // matches, no target → degraded
        w.sourceTopics.put("orders-private", 1);  // excluded → note
        w.sourceTopics.put("orders-eu", 4);
        w.targetTopics.put("eu.orders-eu", 2);    // fewer partitions → degraded
        w.targetTopics.put("eu.orders-gone", 1);  // no source → orphan
        w.targetTopics.put("eu.checkpoints.internal", 1);
        w.targetTopics.put("local", 1);
        w.ends(1, 1);
        LinkHealth h = new LinkHealthTracker(spec(Map.of(), Health.UNKNOWN), HealthSettings.DEFAULTS)
                .update(w.reading(1_000));
        assertThat(h.topics()).extracting(t -> t.source() + ":" + t.state().label()).containsExactly(
                "orders:mirrored", "orders-eu:mirrored", "orders-new:not-mirrored", "orders-private:not-mirrored",
                "orders-gone:orphan");
        assertThat(h.verdict()).isEqualTo(Verdict.DEGRADED);
        assertThat(h.reasons()).containsExactlyInAnyOrder(
                "orders-eu has 4 partitions on the source but eu.orders-eu has 2 on the target",
                "1 topic matches the pattern but is not on the target: orders-new");
        assertThat(h.notes()).contains("1 topic matches the pattern but is excluded (topics.exclude): orders-private",
                "1 target topic looks mirrored but has no mirrored source (orphans): eu.orders-gone");
        assertThat(h.topics().get(3).note()).isEqualTo("excluded by topics.exclude");
        assertThat(h.topics().get(4).note()).isEqualTo("source topic orders-gone is gone");
    }

    @Test
    void configDriftIsListedPerTopicAndKeptWhenConfigsAreNotReadAgain() {
        World w = new World();
        w.ends(1, 1);
        w.sourceConfigs.put("orders", Map.of("retention.ms", "604800000", "cleanup.policy", "delete"));
        w.targetConfigs.put("eu.orders", Map.of("retention.ms", "86400000", "cleanup.policy", "delete"));
        LinkHealthTracker tracker = new LinkHealthTracker(spec(Map.of(), Health.UNKNOWN), HealthSettings.DEFAULTS);
        tracker.update(w.reading(1_000));
        w.sourceConfigs.clear();
        w.targetConfigs.clear();
        LinkHealth h = tracker.update(w.reading(2_000));
        assertThat(h.topics().getFirst().configDrift())
                .containsExactly(new ConfigDrift("retention.ms", "604800000", "86400000"));
        assertThat(h.notes()).contains("1 mirrored topic has configs that differ from the source");
        assertThat(h.verdict()).isEqualTo(Verdict.OK);
    }

    @Test
    void checkpointsSayWhereAFailoverRestartsAndAboutHowManyRecordsAreReadAgain() {
        World w = new World();
        w.ends(100, 100);
        w.checkpoints = List.of(new LinkReading.CheckpointReading("billing", "eu.orders", 0, 60, 55),
                new LinkReading.CheckpointReading("audit", "eu.orders", 1, 100, 100),
                new LinkReading.CheckpointReading("other", "eu.orders", 1, 1, 1));
        LinkSpec spec = new LinkSpec(null, "eu", null, "us", null, "orders", null, "billing|audit",
                TopicNaming.mirrorMaker2(null, "eu", null), null, Map.of(), null);
        LinkHealth h = new LinkHealthTracker(spec, HealthSettings.DEFAULTS).update(w.reading(1_000));
        assertThat(h.checkpoints()).extracting(LinkHealth.CheckpointHealth::failover).containsExactly(
                "failover now restarts audit at offset 100 of eu.orders-1: about 0 records re-read",
                "failover now restarts billing at offset 55 of eu.orders-0: about 5 records re-read");
        assertThat(h.checkpoints().get(1).upstreamOffset()).isEqualTo(60);
        assertThat(h.checkpoints().get(1).topic()).isEqualTo("orders");
        assertThat(h.checkpoints().get(1).targetTopic()).isEqualTo("eu.orders");
        assertThat(h.notes()).anySatisfy(n -> assertThat(n).contains("at or before its true position")
                .contains("re-reads records, it never skips them"));
    }

    @Test
    void offsetSyncsOfMirroredPartitionsSayHowFarTheSourceEndIsPastThem() {
        World w = new World();
        LinkHealthTracker tracker = new LinkHealthTracker(spec(Map.of(), Health.READY), HealthSettings.DEFAULTS);
        w.ends(500, 500);
        List<LinkReading.OffsetSyncReading> syncs = List.of(new LinkReading.OffsetSyncReading("orders", 1, 400, 398),
                new LinkReading.OffsetSyncReading("orders", 0, 450, 450),
                new LinkReading.OffsetSyncReading("orders-private", 0, 7, 7));
        LinkReading r = w.reading(1_000);
        LinkHealth h = tracker.update(new LinkReading(r.atMillis(), r.source(), r.target(), r.heartbeat(),
                r.checkpoints(), syncs));
        assertThat(h.offsetSyncs()).as("by partition; the excluded topic's left out").containsExactly(
                new LinkHealth.OffsetSyncHealth("orders", 0, 450, 450, 50L),
                new LinkHealth.OffsetSyncHealth("orders", 1, 400, 398, 100L));
        // the source (where the syncs live) does not answer: the last syncs stay
        w.sourceUp = false;
        r = w.reading(2_000);
        h = tracker.update(new LinkReading(r.atMillis(), r.source(), r.target(), r.heartbeat(), r.checkpoints(),
                List.of()));
        assertThat(h.offsetSyncs()).hasSize(2);
        assertThat(HealthReport.tree(new HealthSnapshot(2_000, 1, List.of(h))).toString())
                .contains("offsetSyncs=[{topic=orders, partition=0, upstreamOffset=450, downstreamOffset=450, "
                        + "behindSourceEnd=50}");
    }
}
