package io.mirrorscope.kube.inventory;

import static io.mirrorscope.kube.inventory.InventoryFixtures.set;
import static io.mirrorscope.kube.inventory.InventoryFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrorscope.core.inventory.Health;
import io.mirrorscope.core.inventory.Inventory;
import io.mirrorscope.core.inventory.KafkaCluster;
import io.mirrorscope.core.inventory.KindStatus;
import io.mirrorscope.core.inventory.MetadataMode;
import io.mirrorscope.core.inventory.Mirror;
import io.mirrorscope.core.inventory.MirrorKind;
import io.mirrorscope.core.inventory.ResourceKind;
import io.mirrorscope.core.inventory.TopologyEdge;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seed's world (AMQ Streams 1.5: kafka.strimzi.io/v1beta1 only, MirrorMaker 1, a Jaeger behind a Route),
 * read from a mock API server that serves only what that release served.
 */
public class InventoryReaderSeedTest {

    public static final String NS = "amq-streams";
    static StrimziMockServer server;
    static Inventory inventory;

    @BeforeAll
    static void setUp() {
        server = seedServer();
        inventory = new InventoryReader(server.client()).read("seed", List.of(NS));
    }

    /** The seed's inventory, read once from a fresh mock server (for view tests). */
    public static Inventory readSeed() {
        try (StrimziMockServer s = seedServer()) {
            return new InventoryReader(s.client()).read("seed", List.of(NS));
        }
    }

    /** A mock server loaded with the seed's resources and plausible statuses. */
    public static StrimziMockServer seedServer() {
        StrimziMockServer server = new StrimziMockServer().strimziV1beta1();
        server.serve(ResourceKind.JAEGER, "v1").serve(ResourceKind.ROUTE, "v1");
        List<GenericKubernetesResource> seed = InventoryFixtures.seed();
        assertThat(seed).extracting(GenericKubernetesResource::getKind).containsExactlyInAnyOrder(
                "Kafka", "Kafka", "KafkaTopic", "KafkaUser", "KafkaUser", "Jaeger", "KafkaMirrorMaker");
        for (GenericKubernetesResource r : seed) {
            if ("Kafka".equals(r.getKind())) {
                seedKafkaStatus(r);
            } else if (!"Jaeger".equals(r.getKind())) {
                set(r, List.of(Map.of("type", "Ready", "status", "True")), "status", "conditions");
            }
            server.create(NS, r);
        }
        server.create(NS, yaml("""
                apiVersion: route.openshift.io/v1
                kind: Route
                metadata: {name: my-jaeger}
                spec:
                  host: my-jaeger-amq-streams.apps.example.com
                  tls: {termination: reencrypt}
                  to: {kind: Service, name: my-jaeger-query, weight: 100}
                status:
                  ingress:
                  - host: my-jaeger-amq-streams.apps.example.com
                    conditions: [{type: Admitted, status: "True"}]
                """));
        // The query Service the Jaeger operator creates next to the Route.
        server.create(NS, yaml("""
                apiVersion: v1
                kind: Service
                metadata: {name: my-jaeger-query}
                spec:
                  ports: [{name: http-query, port: 16686, targetPort: 16686}]
                """));
        return server;
    }

    /** The status AMQ Streams 1.5 writes: listener name in `type`, addresses, no bootstrapServers yet. */
    static void seedKafkaStatus(GenericKubernetesResource r) {
        String svc = r.getMetadata().getName() + "-kafka-bootstrap." + NS + ".svc";
        set(r, List.of(Map.of("type", "Ready", "status", "True", "lastTransitionTime", "2020-07-06T15:10:00+0000")),
                "status", "conditions");
        set(r, List.of(
                Map.of("type", "plain", "addresses", List.of(Map.of("host", svc, "port", 9092))),
                Map.of("type", "tls", "addresses", List.of(Map.of("host", svc, "port", 9093)),
                        "certificates", List.of("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"))),
                "status", "listeners");
    }

    @AfterAll
    static void tearDown() {
        server.close();
    }

    @Test
    void readsV1beta1ClustersWithZooKeeperBrokersAndListenerNamesFromType() {
        assertThat(inventory.kind(ResourceKind.KAFKA).version()).isEqualTo("v1beta1");
        assertThat(inventory.clusters()).extracting(KafkaCluster::name).containsExactly("europe-cluster", "us-cluster");
        KafkaCluster europe = inventory.clusters().getFirst();
        assertThat(europe.meta().apiVersion()).isEqualTo("kafka.strimzi.io/v1beta1");
        assertThat(europe.ready()).isTrue();
        assertThat(europe.kafkaVersion()).isEqualTo("2.4.0");
        assertThat(europe.metadataMode()).isEqualTo(MetadataMode.ZOOKEEPER);
        assertThat(europe.brokers()).isEqualTo(3);
        assertThat(europe.listeners()).extracting(l -> l.name() + ":" + l.port() + ":" + l.tls() + ":"
                + l.bootstrapServers()).containsExactly(
                "plain:9092:false:europe-cluster-kafka-bootstrap.amq-streams.svc:9092",
                "tls:9093:true:europe-cluster-kafka-bootstrap.amq-streams.svc:9093");
        assertThat(europe.listeners().get(1).certificates()).hasSize(1);
    }

    @Test
    void mirrorMaker1LinksEuropeToUsWithIdentityNaming() {
        assertThat(inventory.mirrors()).hasSize(1);
        Mirror mm = inventory.mirrors().getFirst();
        assertThat(mm.kind()).isEqualTo(MirrorKind.KafkaMirrorMaker);
        assertThat(mm.ready()).isTrue();
        TopologyEdge edge = inventory.topology().edgesOf(mm).getFirst();
        assertThat(edge.source().name()).isEqualTo("europe-cluster");
        assertThat(edge.target().name()).isEqualTo("us-cluster");
        assertThat(edge.link().sourceBootstrap()).isEqualTo("europe-cluster-kafka-bootstrap:9093");
        assertThat(edge.link().topicsPattern()).isEqualTo(".*");
        assertThat(edge.targetTopicPrefix()).isEmpty();
        assertThat(edge.health()).isEqualTo(Health.READY);
        assertThat(inventory.topology().nodes()).hasSize(2);
    }

    @Test
    void topicsUsersAndJaegerWithRouteUrl() {
        assertThat(inventory.topics()).singleElement().satisfies(t -> {
            assertThat(t.cluster()).isEqualTo("europe-cluster");
            assertThat(t.partitions()).isEqualTo(12);
            assertThat(t.replicas()).isEqualTo(3);
        });
        assertThat(inventory.users()).extracting(u -> u.meta().name() + "@" + u.cluster() + ":" + u.authentication())
                .containsExactly("my-europe-user@europe-cluster:tls", "my-us-user@us-cluster:tls");
        assertThat(inventory.tracing()).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo("Jaeger");
            assertThat(t.queryService()).isEqualTo("my-jaeger-query");
            assertThat(t.queryUrl()).isEqualTo("https://my-jaeger-amq-streams.apps.example.com");
        });
        assertThat(inventory.problems()).isEmpty();
    }

    @Test
    void kindsTheServerDoesNotServeAreReportedNotHidden() {
        assertThat(inventory.kind(ResourceKind.KAFKA_MIRROR_MAKER_2).version()).isEqualTo("v1alpha1");
        assertThat(inventory.kind(ResourceKind.KAFKA_NODE_POOL).state()).isEqualTo(KindStatus.State.NOT_SERVED);
        assertThat(inventory.kind(ResourceKind.TEMPO_STACK).state()).isEqualTo(KindStatus.State.NOT_SERVED);
        assertThat(inventory.namespaces()).containsExactly(NS);
    }
}
