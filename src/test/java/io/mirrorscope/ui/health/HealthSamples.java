package io.mirrorscope.ui.health;

import io.mirrorscope.core.health.ClusterReading;
import io.mirrorscope.core.health.HealthSettings;
import io.mirrorscope.core.health.HealthSnapshot;
import io.mirrorscope.core.health.LinkHealthTracker;
import io.mirrorscope.core.health.LinkReading;
import io.mirrorscope.core.health.LinkSpec;
import io.mirrorscope.core.health.PartitionKey;
import io.mirrorscope.core.inventory.Health;
import io.mirrorscope.core.inventory.TopicNaming;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Health snapshots made by the real health engine ({@link LinkHealthTracker}) from readings of a small world: the
 * sandbox's link europe → us with its drop filter, topic {@code orders} (3 partitions) mirrored, {@code audit}
 * excluded, an orphan on the target, a checkpoint. Each {@link #round} advances the source by 30 records per
 * partition and the target by {@code targetShare} of that.
 */
public final class HealthSamples {

    /** The sandbox mirror's drop filter, as MirrorMapper reads it from the resource. */
    public static final Map<String, String> FILTER = Map.of(
            "transforms", "dropMarked",
            "transforms.dropMarked.type", "org.apache.kafka.connect.transforms.Filter",
            "transforms.dropMarked.predicate", "marked",
            "predicates", "marked",
            "predicates.marked.type", "org.apache.kafka.connect.transforms.predicates.HasHeaderKey",
            "predicates.marked.name", "drop",
            "topics.exclude", "audit");

    private final LinkHealthTracker tracker = new LinkHealthTracker(new LinkSpec("my-mirror-maker2 europe->us",
            "europe-cluster", "europe-cluster-kafka-bootstrap:9092", "us-cluster", "us-cluster-kafka-bootstrap:9092",
            "orders|audit", "audit", null, TopicNaming.mirrorMaker2(null, "europe-cluster", null), null, FILTER,
            Health.READY), HealthSettings.DEFAULTS);
    private final Map<PartitionKey, Long> sourceEnds = new HashMap<>();
    private final Map<PartitionKey, Long> targetEnds = new HashMap<>();
    private long at = 1_800_000_000_000L;
    private double targetShare = 1.0;
    private boolean targetUp = true;

    /** How much of the source's new records reach the target from now on (0.8: one in five dropped). */
    public HealthSamples targetShare(double share) {
        this.targetShare = share;
        return this;
    }

    /** Whether the target answers from now on. */
    public HealthSamples targetUp(boolean up) {
        this.targetUp = up;
        return this;
    }

    /** The time of the last round. */
    public long now() {
        return at;
    }

    /** One refresh round 2 s after the previous. */
    public HealthSnapshot round() {
        at += 2_000;
        for (int p = 0; p < 3; p++) {
            PartitionKey s = new PartitionKey("orders", p);
            PartitionKey t = new PartitionKey("europe-cluster.orders", p);
            sourceEnds.merge(s, 30L, Long::sum);
            if (targetUp) {
                targetEnds.merge(t, Math.round(30 * targetShare), Long::sum);
            }
        }
        ClusterReading source = new ClusterReading(at, true, null, null, Map.of("orders", 3, "audit", 1),
                sourceEnds, Map.of("orders", Map.of("retention.ms", "604800000")));
        ClusterReading target = targetUp ? new ClusterReading(at, true, null, null, Map.of("europe-cluster.orders", 3,
                "europe-cluster.payments", 2, "europe-cluster.heartbeats", 1), targetEnds,
                Map.of("europe-cluster.orders", Map.of("retention.ms", "86400000")))
                : ClusterReading.unanswered(at, "Connection to us-cluster-kafka-bootstrap:9092 refused");
        LinkReading reading = new LinkReading(at, source, target, new LinkReading.HeartbeatReading(
                "europe-cluster.heartbeats", true, at - 800, true), List.of(new LinkReading.CheckpointReading(
                "billing", "europe-cluster.orders", 0, 120, 118)), List.of(new LinkReading.OffsetSyncReading("orders",
                0, sourceEnds.get(new PartitionKey("orders", 0)) - 12, targetEnds.getOrDefault(
                new PartitionKey("europe-cluster.orders", 0), 0L) - 12)));
        return new HealthSnapshot(at, 42, List.of(tracker.update(reading)));
    }

    /** {@code n} rounds; the last snapshot. */
    public HealthSnapshot rounds(int n) {
        HealthSnapshot last = null;
        for (int i = 0; i < n; i++) {
            last = round();
        }
        return last;
    }
}
