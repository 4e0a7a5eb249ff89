package io.mirrorscope.ui.topology;

import io.mirrorscope.core.inventory.Condition;
import io.mirrorscope.core.inventory.ConnectorStatus;
import io.mirrorscope.core.inventory.Health;
import io.mirrorscope.core.inventory.Inventory;
import io.mirrorscope.core.inventory.KafkaCluster;
import io.mirrorscope.core.inventory.Listener;
import io.mirrorscope.core.inventory.MetadataMode;
import io.mirrorscope.core.inventory.Mirror;
import io.mirrorscope.core.inventory.MirrorKind;
import io.mirrorscope.core.inventory.MirrorLink;
import io.mirrorscope.core.inventory.ResourceMeta;
import io.mirrorscope.core.inventory.TopicNaming;
import java.util.List;

/** Inventories built in memory for view tests: 20 clusters and 40 links, bidirectional pairs, all health states. */
public final class TopologySamples {

    private TopologySamples() {
    }

    public static KafkaCluster cluster(String ns, String name, boolean ready) {
        return new KafkaCluster(ResourceMeta.of("Kafka", "kafka.strimzi.io/v1", ns, name),
                List.of(new Condition("Ready", ready ? "True" : "False", null, null, null)), "4.1.1",
                MetadataMode.KRAFT, 3, true, List.of(new Listener("plain", "internal", 9092, false, null,
                name + "-kafka-bootstrap." + ns + ".svc:9092", List.of(), List.of())), null, List.of());
    }

    public static Mirror mm2(String ns, String name, String from, String to, String topics, Health health) {
        String state = switch (health) {
            case FAILED -> "FAILED";
            case DEGRADED -> "PAUSED";
            default -> "RUNNING";
        };
        List<ConnectorStatus> connectors = health == Health.UNKNOWN ? List.of() : List.of(new ConnectorStatus(
                from + "->" + to + ".MirrorSourceConnector", "RUNNING", null,
                List.of(new ConnectorStatus.Task(0, state, "10.0.0.1:8083", health == Health.FAILED
                        ? "org.apache.kafka.common.errors.TopicAuthorizationException: denied" : null))));
        List<Condition> conditions = health == Health.UNKNOWN ? List.of()
                : List.of(new Condition("Ready", "True", null, null, null));
        MirrorLink link = new MirrorLink(from, from + "-kafka-bootstrap:9092", to, to + "-kafka-bootstrap:9092", topics,
                null, TopicNaming.mirrorMaker2(null, from, null), health);
        return new Mirror(ResourceMeta.of("KafkaMirrorMaker2", "kafka.strimzi.io/v1", ns, name),
                MirrorKind.KafkaMirrorMaker2, conditions, List.of(link), connectors, 1, List.of());
    }

    /** 20 clusters in 4 regions, 40 links: each cluster mirrors to the next two, every fourth pair both ways. */
    public static Inventory large() {
        Inventory.Parts parts = Inventory.Parts.empty();
        String[] regions = {"europe", "us", "asia", "africa"};
        for (int i = 0; i < 20; i++) {
            parts.clusters().add(cluster("kafka", regions[i % 4] + "-" + (i / 4 + 1), i % 7 != 3));
        }
        Health[] healths = {Health.READY, Health.READY, Health.READY, Health.DEGRADED, Health.READY, Health.FAILED,
            Health.UNKNOWN};
        int made = 0;
        for (int i = 0; made < 40; i++) {
            String from = parts.clusters().get(i % 20).name();
            String to = parts.clusters().get((i + 1 + (i / 20) * 2) % 20).name();
            parts.mirrors().add(mm2("kafka", "mm2-" + made, from, to, made % 3 == 0 ? "orders.*" : ".*",
                    healths[made % healths.length]));
            made++;
        }
        return Inventory.assemble("large", List.of("kafka"), parts);
    }
}
