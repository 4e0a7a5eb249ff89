package io.mirrorscope.kube.inventory;

import static io.mirrorscope.kube.inventory.InventoryFixtures.resource;
import static io.mirrorscope.kube.inventory.InventoryFixtures.resources;
import static io.mirrorscope.kube.inventory.InventoryFixtures.set;
import static io.mirrorscope.kube.inventory.InventoryFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrorscope.core.inventory.Health;
import io.mirrorscope.core.inventory.Inventory;
import io.mirrorscope.core.inventory.KafkaCluster;
import io.mirrorscope.core.inventory.MetadataMode;
import io.mirrorscope.core.inventory.Mirror;
import io.mirrorscope.core.inventory.MirrorKind;
import io.mirrorscope.core.inventory.ResourceKind;
import io.mirrorscope.core.inventory.TopologyEdge;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Strimzi's v1beta2 and v1 shapes from the project's fixtures (kept to the upstream shapes by UpstreamShapesTest;
 * statuses added where upstream has none), on mock servers that serve only those versions: every kind of mirror link
 * and the ways a mirror can be broken.
 */
class InventoryReaderVersionsTest {

    static final String NS = "kafka";

    static GenericKubernetesResource named(GenericKubernetesResource r, String name) {
        r.getMetadata().setName(name);
        return r;
    }

    static GenericKubernetesResource ready(GenericKubernetesResource r) {
        return set(r, List.of(Map.of("type", "Ready", "status", "True")), "status", "conditions");
    }

    static TopologyEdge edge(Inventory inv, String mirror) {
        Mirror m = inv.mirrors().stream().filter(x -> x.name().equals(mirror)).findFirst().orElseThrow();
        return inv.topology().edgesOf(m).getFirst();
    }

    @Nested
    class V1beta2 {

        static Inventory read() {
            try (StrimziMockServer server = new StrimziMockServer().strimziV1beta2()) {
                // cluster-a: ZooKeeper, 3 brokers (kafka-persistent.yaml); cluster-b: KRaft with node pools.
                server.create(NS, ready(named(resource("strimzi/v1beta2-0.45.0/kafka-persistent.yaml", "Kafka"),
                        "cluster-a")));
                for (GenericKubernetesResource r : resources("strimzi/v1beta2-0.45.0/kraft-kafka.yaml")) {
                    if ("Kafka".equals(r.getKind())) {
                        named(r, "cluster-b");
                        set(r, "KRaft", "status", "kafkaMetadataState");
                        set(r, "3.9.0", "status", "kafkaVersion");
                        ready(r);
                    } else {
                        r.getMetadata().getLabels().put("strimzi.io/cluster", "cluster-b");
                    }
                    server.create(NS, r);
                }
                // A cluster in another namespace reached through its status listener (a route address).
                server.create("my-namespace", resource(
                        "strimzi/v1beta2-0.45.0/test-Kafka-listener-name-and-status.yaml",
                        "Kafka"));

                // Default policy, upstream example as is: cluster-a -> cluster-b, "cluster-a." prefix.
                server.create(NS, ready(resource("strimzi/v1beta2-0.45.0/kafka-mirror-maker-2.yaml",
                        "KafkaMirrorMaker2")));
                // Identity policy, and the opposite direction (bidirectional pair).
                GenericKubernetesResource back = named(resource("strimzi/v1beta2-0.45.0/kafka-mirror-maker-2.yaml",
                        "KafkaMirrorMaker2"), "mm2-back-identity");
                swapDirection(back);
                set(back, "org.apache.kafka.connect.mirror.IdentityReplicationPolicy",
                        "spec", "mirrors", "0", "sourceConnector", "config", "replication.policy.class");
                server.create(NS, ready(back));
                // Custom separator.
                GenericKubernetesResource sep = named(resource("strimzi/v1beta2-0.45.0/kafka-mirror-maker-2.yaml",
                        "KafkaMirrorMaker2"), "mm2-separator");
                set(sep, "_", "spec", "mirrors", "0", "sourceConnector", "config", "replication.policy.separator");
                server.create(NS, ready(sep));
                // Ready=True while a task FAILED (strimzi#5715).
                GenericKubernetesResource failing = ready(named(resource(
                        "strimzi/v1beta2-0.45.0/kafka-mirror-maker-2.yaml", "KafkaMirrorMaker2"), "mm2-failing"));
                set(failing, List.of(Map.of("name", "cluster-a->cluster-b.MirrorSourceConnector",
                        "connector", Map.of("state", "RUNNING", "worker_id", "10.0.0.1:8083"),
                        "tasks", List.of(Map.of("id", 0, "state", "FAILED", "worker_id", "10.0.0.1:8083",
                                "trace", "org.apache.kafka.common.errors.TopicAuthorizationException: denied\n\tat x")),
                        "type", "source")), "status", "connectors");
                server.create(NS, failing);
                // From an external address (outside the namespaces read) into cluster-b.
                GenericKubernetesResource ext = ready(named(resource(
                        "strimzi/v1beta2-0.45.0/kafka-mirror-maker-2.yaml", "KafkaMirrorMaker2"), "mm2-external"));
                set(ext, List.of(Map.of("alias", "onprem", "bootstrapServers", "kafka.onprem.example.com:9093"),
                        Map.of("alias", "cluster-b", "bootstrapServers", "cluster-b-kafka-bootstrap:9092")),
                        "spec", "clusters");
                set(ext, "onprem", "spec", "mirrors", "0", "sourceCluster");
                server.create(NS, ext);
                // From the route address of my-namespace/my-cluster.
                GenericKubernetesResource route = ready(named(resource(
                        "strimzi/v1beta2-0.45.0/kafka-mirror-maker-2.yaml", "KafkaMirrorMaker2"), "mm2-from-route"));
                set(route, "my-route-address.domain.tld:443", "spec", "clusters", "0", "bootstrapServers");
                server.create(NS, route);
                // MirrorMaker 1 in v1beta2 (include instead of whitelist).
                server.create(NS, ready(resource("strimzi/v1beta2-0.45.0/kafka-mirror-maker.yaml",
                        "KafkaMirrorMaker")));
                // MirrorMaker 2 as KafkaConnectors on a KafkaConnect writing to cluster-b.
                GenericKubernetesResource connect = resource("strimzi/v1beta2-0.45.0/kafka-connect.yaml",
                        "KafkaConnect");
                set(connect, "cluster-b-kafka-bootstrap:9092", "spec", "bootstrapServers");
                server.create(NS, connect);
                server.create(NS, yaml("""
                        apiVersion: kafka.strimzi.io/v1beta2
                        kind: KafkaConnector
                        metadata:
                          name: a-to-b-source
                          labels: {strimzi.io/cluster: my-connect-cluster}
                        spec:
                          class: org.apache.kafka.connect.mirror.MirrorSourceConnector
                          tasksMax: 2
                          config:
                            source.cluster.alias: cluster-a
                            source.cluster.bootstrap.servers: cluster-a-kafka-bootstrap.kafka.svc.cluster.local:9092
                            topics: "orders.*, payments"
                        status:
                          conditions: [{type: Ready, status: "True"}]
                          connectorStatus:
                            name: a-to-b-source
                            connector: {state: RUNNING, worker_id: "10.0.0.2:8083"}
                            tasks:
                            - {id: 0, state: RUNNING, worker_id: "10.0.0.2:8083"}
                        """));
                server.create(NS, resource("strimzi/v1beta2-0.45.0/test-KafkaConnector-with-status.yaml",
                        "KafkaConnector"));
                server.create(NS, resource("strimzi/v1beta2-0.45.0/kafka-topic.yaml", "KafkaTopic"));
                server.create(NS, resource("strimzi/v1beta2-0.45.0/scram-sha-512-auth-user.yaml", "KafkaUser"));
                return new InventoryReader(server.client()).read("v1beta2", List.of(NS, "my-namespace"));
            }
        }

        static void swapDirection(GenericKubernetesResource mm2) {
            set(mm2, "cluster-a", "spec", "connectCluster");
            set(mm2, "cluster-b", "spec", "mirrors", "0", "sourceCluster");
            set(mm2, "cluster-a", "spec", "mirrors", "0", "targetCluster");
        }

        static final Inventory INV = read();

        @Test
        void clustersZooKeeperAndKraftWithNodePools() {
            assertThat(INV.kind(ResourceKind.KAFKA).version()).isEqualTo("v1beta2");
            assertThat(INV.clusters()).extracting(c -> c.namespace() + "/" + c.name() + ":" + c.metadataMode()
                    + ":" + c.brokers()).containsExactly("kafka/cluster-a:ZOOKEEPER:3", "kafka/cluster-b:KRAFT:3",
                    "my-namespace/my-cluster:ZOOKEEPER:3");
            KafkaCluster b = INV.clusters().get(1);
            assertThat(b.usesNodePools()).isTrue();
            assertThat(b.kafkaVersion()).isEqualTo("3.9.0");
            assertThat(INV.nodePools()).hasSize(2);
        }

        @Test
        void defaultPolicyPrefixesWithSourceAliasAndDot() {
            TopologyEdge e = edge(INV, "my-mirror-maker-2");
            assertThat(e.source().name()).isEqualTo("cluster-a");
            assertThat(e.target().name()).isEqualTo("cluster-b");
            assertThat(e.targetTopicPrefix()).isEqualTo("cluster-a.");
            assertThat(e.link().naming().targetTopic("my-topic")).isEqualTo("cluster-a.my-topic");
            assertThat(e.link().topicsPattern()).isEqualTo(".*");
            assertThat(e.health()).isEqualTo(Health.READY);
        }

        @Test
        void identityPolicyKeepsNamesAndBidirectionalLinksAreBothThere() {
            TopologyEdge back = edge(INV, "mm2-back-identity");
            assertThat(back.source().name()).isEqualTo("cluster-b");
            assertThat(back.target().name()).isEqualTo("cluster-a");
            assertThat(back.targetTopicPrefix()).isEmpty();
            assertThat(back.link().naming().targetTopic("t")).isEqualTo("t");
        }

        @Test
        void customSeparator() {
            assertThat(edge(INV, "mm2-separator").targetTopicPrefix()).isEqualTo("cluster-a_");
        }

        @Test
        void readyMirrorWithFailedTaskIsFailing() {
            Mirror m = INV.mirrors().stream().filter(x -> x.name().equals("mm2-failing")).findFirst().orElseThrow();
            assertThat(m.conditions()).anyMatch(c -> c.type().equals("Ready") && c.isTrue());
            assertThat(m.ready()).isFalse();
            assertThat(m.health()).isEqualTo(Health.FAILED);
            assertThat(edge(INV, "mm2-failing").health()).isEqualTo(Health.FAILED);
            assertThat(INV.problems()).anyMatch(p -> p.name().equals("mm2-failing")
                    && p.message().contains(
                            "task 0 FAILED: org.apache.kafka.common.errors.TopicAuthorizationException"));
        }

        @Test
        void externalAddressBecomesAnExternalNode() {
            TopologyEdge e = edge(INV, "mm2-external");
            assertThat(e.source().external()).isTrue();
            assertThat(e.source().name()).isEqualTo("kafka.onprem.example.com:9093");
            assertThat(e.target().name()).isEqualTo("cluster-b");
        }

        @Test
        void statusListenerAddressResolvesAcrossNamespaces() {
            TopologyEdge e = edge(INV, "mm2-from-route");
            assertThat(e.source().cluster()).isNotNull();
            assertThat(e.source().namespace() + "/" + e.source().name()).isEqualTo("my-namespace/my-cluster");
        }

        @Test
        void mirrorMaker1InV1beta2UsesInclude() {
            TopologyEdge e = edge(INV, "my-mirror-maker");
            assertThat(e.mirror().kind()).isEqualTo(MirrorKind.KafkaMirrorMaker);
            assertThat(e.source().name()).isEqualTo("cluster-a");
            assertThat(e.target().name()).isEqualTo("cluster-b");
            assertThat(e.link().topicsPattern()).isEqualTo(".*");
            assertThat(e.targetTopicPrefix()).isEmpty();
        }

        @Test
        void mirrorSourceConnectorTargetsItsConnectClusterAndOtherConnectorsAreNotMirrors() {
            TopologyEdge e = edge(INV, "a-to-b-source");
            assertThat(e.mirror().kind()).isEqualTo(MirrorKind.KafkaConnector);
            assertThat(e.source().name()).isEqualTo("cluster-a");
            assertThat(e.target().name()).isEqualTo("cluster-b");
            assertThat(e.link().topicsPattern()).isEqualTo("orders.*|payments");
            assertThat(e.targetTopicPrefix()).isEqualTo("cluster-a.");
            assertThat(INV.mirrors()).noneMatch(m -> m.name().equals("test-source"));
        }
    }

    @Nested
    class V1 {

        static final Inventory INV = read();

        static Inventory read() {
            try (StrimziMockServer server = new StrimziMockServer().strimziV1beta2AndV1()) {
                for (String name : List.of("cluster-a", "cluster-b")) {
                    for (GenericKubernetesResource r : resources("strimzi/v1-1.2.0/kafka-persistent.yaml")) {
                        if ("Kafka".equals(r.getKind())) {
                            named(r, name);
                            set(r, InventoryFixtures.status(
                                    "strimzi/status/docs-1.2.0-kafka-status-v1.yaml")
                                    .get("conditions"), "status", "conditions");
                        } else {
                            named(r, name + "-" + r.getMetadata().getName());
                            r.getMetadata().getLabels().put("strimzi.io/cluster", name);
                        }
                        server.create(NS, r);
                    }
                }
                server.create(NS, ready(resource("strimzi/v1-1.2.0/kafka-mirror-maker-2.yaml", "KafkaMirrorMaker2")));
                server.create(NS, resource("strimzi/v1-1.2.0/kafka-topic.yaml", "KafkaTopic"));
                // A broken resource: wrong types and a missing spec must not hide anything else.
                server.create(NS, yaml("""
                        apiVersion: kafka.strimzi.io/v1
                        kind: Kafka
                        metadata: {name: broken}
                        spec:
                          kafka:
                            listeners: "plain"
                            version: {major: 4}
                        status:
                          conditions: "Ready"
                        """));
                server.create(NS, yaml("""
                        apiVersion: kafka.strimzi.io/v1
                        kind: KafkaMirrorMaker2
                        metadata: {name: no-spec}
                        """));
                return new InventoryReader(server.client()).read("v1", List.of(NS));
            }
        }

        @Test
        void readsTheNewestServedVersion() {
            assertThat(INV.kind(ResourceKind.KAFKA).version()).isEqualTo("v1");
            assertThat(INV.clusters()).filteredOn(c -> !c.name().equals("broken"))
                    .allSatisfy(c -> {
                        assertThat(c.meta().apiVersion()).isEqualTo("kafka.strimzi.io/v1");
                        assertThat(c.metadataMode()).isEqualTo(MetadataMode.KRAFT);
                        assertThat(c.brokers()).isEqualTo(3);
                        assertThat(c.ready()).isTrue();
                        assertThat(c.kafkaVersion()).isEqualTo("4.3.1");
                    });
        }

        @Test
        void mirrorMaker2V1ShapeTargetAndMirrorSource() {
            TopologyEdge e = edge(INV, "my-mirror-maker-2");
            assertThat(e.link().sourceAlias()).isEqualTo("cluster-a");
            assertThat(e.link().targetAlias()).isEqualTo("cluster-b");
            assertThat(e.source().name()).isEqualTo("cluster-a");
            assertThat(e.target().name()).isEqualTo("cluster-b");
            assertThat(e.targetTopicPrefix()).isEqualTo("cluster-a.");
        }

        @Test
        void brokenResourcesAppearWithProblemNotesAndHideNothing() {
            assertThat(INV.clusters()).extracting(KafkaCluster::name).contains("broken", "cluster-a", "cluster-b");
            assertThat(INV.mirrors()).extracting(Mirror::name).contains("no-spec", "my-mirror-maker-2");
            assertThat(INV.topics()).hasSize(1);
            assertThat(INV.problems()).anySatisfy(p -> {
                assertThat(p.name()).isEqualTo("broken");
                assertThat(p.message()).contains("spec.kafka.listeners");
            });
            assertThat(INV.problems()).anyMatch(p -> p.name().equals("broken")
                    && p.message().contains("status.conditions: expected a list"));
            assertThat(INV.problems())
                    .anyMatch(p -> p.name().equals("no-spec") && p.message().equals("spec is missing"));
        }
    }
}
