package io.mirrorscope.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopologyTest {

    static KafkaCluster cluster(String ns, String name, String... bootstraps) {
        List<Listener> listeners = java.util.Arrays.stream(bootstraps)
                .map(b -> new Listener("external", "route", 9094, true, null, b, List.of(b), List.of())).toList();
        return new KafkaCluster(ResourceMeta.of("Kafka", "kafka.strimzi.io/v1", ns, name),
                List.of(new Condition("Ready", "True", null, null, null)), "4.1.1", MetadataMode.KRAFT, 3, true,
                listeners, null, List.of());
    }

    static Mirror mm1(String ns, String name, String source, String target) {
        MirrorLink link = new MirrorLink(null, source, null, target, ".*", null, TopicNaming.identity(), Health.READY);
        return new Mirror(ResourceMeta.of("KafkaMirrorMaker", "kafka.strimzi.io/v1beta2", ns, name),
                MirrorKind.KafkaMirrorMaker, List.of(), List.of(link), List.of(), 1, List.of());
    }

    @Test
    void serviceNamesResolveWithAndWithoutNamespaceAndDomain() {
        ClusterResolver r = new ClusterResolver(List.of(cluster("eu", "a"), cluster("us", "a"), cluster("us", "b")));
        assertThat(r.resolve("a-kafka-bootstrap:9092", "eu")).map(KafkaCluster::namespace).contains("eu");
        assertThat(r.resolve("a-kafka-bootstrap:9092", "us")).map(KafkaCluster::namespace).contains("us");
        assertThat(r.resolve("a-kafka-bootstrap.us:9093", "eu")).map(KafkaCluster::namespace).contains("us");
        assertThat(r.resolve("a-kafka-bootstrap.us.svc:9093", "eu")).map(KafkaCluster::namespace).contains("us");
        assertThat(r.resolve("A-KAFKA-BOOTSTRAP.us.svc.cluster.local:9093", "eu")).map(KafkaCluster::name)
                .contains("a");
        assertThat(r.resolve("b-kafka-external-bootstrap.us.svc:9094", "eu")).map(KafkaCluster::name).contains("b");
        assertThat(r.resolve("b-kafka-bootstrap:9092", "eu")).isEmpty();
        assertThat(r.resolve("c-kafka-bootstrap.us:9092", "eu")).isEmpty();
        assertThat(r.resolve("kafka.example.com:9092", "eu")).isEmpty();
        assertThat(r.resolve(null, "eu")).isEmpty();
    }

    @Test
    void statusAddressesWinAndAnyEntryOfTheListCounts() {
        ClusterResolver r = new ClusterResolver(List.of(cluster("x", "far", "far-x.apps.example.com:443")));
        assertThat(r.resolve("down.example.com:9092, FAR-X.apps.example.com:443", "y")).map(KafkaCluster::name)
                .contains("far");
    }

    @Test
    void bidirectionalLinksAreTwoEdgesAndExternalsAreSharedNodes() {
        Topology t = Topology.of(List.of(cluster("ns", "a"), cluster("ns", "b"), cluster("ns", "lonely")), List.of(
                mm1("ns", "ab", "a-kafka-bootstrap:9092", "b-kafka-bootstrap:9092"),
                mm1("ns", "ba", "b-kafka-bootstrap:9092", "a-kafka-bootstrap:9092"),
                mm1("ns", "x1", "kafka.example.com:9092", "a-kafka-bootstrap:9092"),
                mm1("ns", "x2", "kafka.example.com:9092", "b-kafka-bootstrap:9092")));
        assertThat(t.nodes()).extracting(ClusterNode::name)
                .containsExactly("a", "b", "lonely", "kafka.example.com:9092");
        assertThat(t.edges()).extracting(e -> e.source().name() + ">" + e.target().name())
                .containsExactly("a>b", "b>a", "kafka.example.com:9092>a", "kafka.example.com:9092>b");
        assertThat(t.edgesAt(t.nodes().get(2))).isEmpty();
    }

    @Test
    void namingPolicies() {
        assertThat(TopicNaming.mirrorMaker2(null, "europe-cluster", null).targetTopic("my-topic"))
                .isEqualTo("europe-cluster.my-topic");
        assertThat(TopicNaming.mirrorMaker2("org.apache.kafka.connect.mirror.DefaultReplicationPolicy", "eu", "__")
                .prefix()).isEqualTo("eu__");
        assertThat(TopicNaming.mirrorMaker2("org.apache.kafka.connect.mirror.IdentityReplicationPolicy", "eu", "_")
                .isIdentity()).isTrue();
        assertThat(TopicNaming.mirrorMaker2("io.strimzi.kafka.connect.mirror.IdentityReplicationPolicy", "eu", null)
                .targetTopic("t")).isEqualTo("t");
        TopicNaming custom = TopicNaming.mirrorMaker2("com.acme.MyPolicy", "eu", null);
        assertThat(custom.prefix()).isEqualTo("eu.");
        assertThat(custom.assumed()).isTrue();
        assertThat(custom.description()).contains("assumed").contains("com.acme.MyPolicy");
    }

    @Test
    void mirrorHealthCombinesConditionsAndConnectors() {
        var ready = List.of(new Condition("Ready", "True", null, null, null));
        var running = new ConnectorStatus("a->b.MirrorSourceConnector", "RUNNING", null,
                List.of(new ConnectorStatus.Task(0, "RUNNING", "w", null)));
        var paused = new ConnectorStatus("a->b.MirrorCheckpointConnector", "PAUSED", null, List.of());
        var failed = new ConnectorStatus("a->b.MirrorHeartbeatConnector", "FAILED", "boom\n at", List.of());
        ResourceMeta meta = ResourceMeta.of("KafkaMirrorMaker2", "kafka.strimzi.io/v1", "ns", "m");
        Mirror ok = new Mirror(meta, MirrorKind.KafkaMirrorMaker2, ready, List.of(), List.of(running), 1, List.of());
        Mirror degraded = new Mirror(meta, MirrorKind.KafkaMirrorMaker2, ready, List.of(), List.of(running, paused),
                1, List.of());
        Mirror bad = new Mirror(meta, MirrorKind.KafkaMirrorMaker2, ready, List.of(), List.of(running, failed), 1,
                List.of());
        assertThat(ok.health()).isEqualTo(Health.READY);
        assertThat(ok.ready()).isTrue();
        assertThat(degraded.health()).isEqualTo(Health.DEGRADED);
        assertThat(bad.health()).isEqualTo(Health.FAILED);
        assertThat(bad.ready()).isFalse();
        assertThat(bad.failures()).containsExactly("a->b.MirrorHeartbeatConnector FAILED: boom");
    }
}
