package io.mirrorscope.kube.inventory;

import static io.mirrorscope.kube.inventory.InventoryFixtures.set;
import static io.mirrorscope.kube.inventory.InventoryFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mirrorscope.core.inventory.Health;
import io.mirrorscope.core.inventory.Inventory;
import io.mirrorscope.core.inventory.KafkaCluster;
import io.mirrorscope.core.inventory.KindStatus;
import io.mirrorscope.core.inventory.ResourceKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The live model follows the server (create, change, delete) and recovers from watch failures. How fast a change
 * reaches the model is measured, not asserted: {@code InventoryBenchmark.liveFollowsAChange} (BENCHMARKS.md). The
 * waits here are ceilings for a loaded machine, not bars.
 */
class LiveInventoryTest {

    static final String NS = "live";
    static final Duration EVENTUALLY = Duration.ofSeconds(30);

    static GenericKubernetesResource kafka(String name) {
        return yaml("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: Kafka
                metadata: {name: %s}
                spec:
                  kafka:
                    replicas: 3
                    listeners: [{name: plain, port: 9092, type: internal, tls: false}]
                  zookeeper: {replicas: 3}
                """.formatted(name));
    }

    static GenericKubernetesResource mm2(String name, String from, String to) {
        return yaml("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaMirrorMaker2
                metadata: {name: %s}
                spec:
                  connectCluster: %2$s
                  clusters:
                  - {alias: %3$s, bootstrapServers: "%3$s-kafka-bootstrap:9092"}
                  - {alias: %2$s, bootstrapServers: "%2$s-kafka-bootstrap:9092"}
                  mirrors: [{sourceCluster: %3$s, targetCluster: %2$s, topicsPattern: "orders.*"}]
                """.formatted(name, to, from));
    }

    @Test
    void followsCreateChangeAndDelete() {
        try (StrimziMockServer server = new StrimziMockServer().strimziV1beta2();
             KubernetesClient client = server.newClient();
             LiveInventory live = new LiveInventory(client, "test", List.of(NS), Duration.ofMinutes(10))) {
            List<Inventory> published = new CopyOnWriteArrayList<>();
            live.addListener(published::add);
            live.start();
            assertThat(live.current().clusters()).isEmpty();
            assertThat(live.current().kind(ResourceKind.KAFKA).state()).isEqualTo(KindStatus.State.OK);

            server.create(NS, kafka("east"));
            server.create(NS, kafka("west"));
            server.create(NS, mm2("east-to-west", "east", "west"));
            await().atMost(EVENTUALLY).until(() -> live.current().topology().edges().size() == 1
                    && live.current().clusters().size() == 2);
            assertThat(live.current().topology().edges().getFirst().source().name()).isEqualTo("east");
            assertThat(live.current().clusters().getFirst().health()).isEqualTo(Health.UNKNOWN);

            GenericKubernetesResource east = server.client().genericKubernetesResources("kafka.strimzi.io/v1beta2",
                    "Kafka").inNamespace(NS).withName("east").get();
            set(east, List.of(Map.of("type", "Ready", "status", "True")), "status", "conditions");
            server.client().genericKubernetesResources("kafka.strimzi.io/v1beta2", "Kafka").inNamespace(NS)
                    .resource(east).update();
            await().atMost(EVENTUALLY).until(() -> live.current().clusters().stream()
                    .anyMatch(c -> c.name().equals("east") && c.ready()));

            server.client().genericKubernetesResources("kafka.strimzi.io/v1beta2", "KafkaMirrorMaker2")
                    .inNamespace(NS).withName("east-to-west").delete();
            await().atMost(EVENTUALLY).until(() -> live.current().mirrors().isEmpty());
            assertThat(live.current().topology().edges()).isEmpty();
            assertThat(published).isNotEmpty();
        }
    }

    @Test
    void forcedGoneRelistsAndKeepsFollowing() {
        FaultInjectingDispatcher dispatcher = new FaultInjectingDispatcher();
        try (StrimziMockServer server = new StrimziMockServer(dispatcher).strimziV1beta2();
             KubernetesClient client = server.newClient()) {
            server.create(NS, kafka("before"));
            dispatcher.gonePlural = "kafkas";
            dispatcher.goneWatches.set(1);
            try (LiveInventory live = new LiveInventory(client, "test", List.of(NS), Duration.ofMinutes(10))) {
                live.start();
                await().atMost(EVENTUALLY).until(() -> dispatcher.goneServed.get() == 1);
                server.create(NS, kafka("after"));
                await().atMost(EVENTUALLY).until(() -> live.current().clusters().stream()
                        .map(KafkaCluster::name).toList().equals(List.of("after", "before")));
                // 410 means "list again": the informer listed once to start and once more after the 410.
                assertThat(dispatcher.lists.get()).isGreaterThanOrEqualTo(2);
                assertThat(live.current().kind(ResourceKind.KAFKA).state()).isEqualTo(KindStatus.State.OK);
            }
        }
    }

    @Test
    void droppedConnectionShowsReconnectingThenRecovers() {
        FaultInjectingDispatcher dispatcher = new FaultInjectingDispatcher();
        StrimziMockServer first = new StrimziMockServer(dispatcher).strimziV1beta2();
        int port = first.server().getPort();
        first.create(NS, kafka("one"));
        try (KubernetesClient client = first.newClient();
             LiveInventory live = new LiveInventory(client, "test", List.of(NS), Duration.ofMinutes(10))) {
            live.start();
            assertThat(live.current().clusters()).hasSize(1);

            first.server().destroy();
            await().atMost(EVENTUALLY).until(() ->
                    live.current().kind(ResourceKind.KAFKA).state() == KindStatus.State.RECONNECTING);
            // The snapshot keeps what it knew while the watch is down.
            assertThat(live.current().clusters()).hasSize(1);

            try (StrimziMockServer second = new StrimziMockServer(dispatcher, port)) {
                second.create(NS, kafka("two"));
                await().atMost(EVENTUALLY).until(() -> live.current().clusters().size() == 2
                        && live.current().kind(ResourceKind.KAFKA).state() == KindStatus.State.OK);
            }
        } finally {
            first.client().close();
        }
    }

    @Test
    void forbiddenKindDegradesOnlyItsPanel() {
        FaultInjectingDispatcher dispatcher = new FaultInjectingDispatcher();
        try (StrimziMockServer server = new StrimziMockServer(dispatcher).strimziV1beta2();
             KubernetesClient client = server.newClient()) {
            server.create(NS, kafka("visible"));
            dispatcher.forbidden.add("kafkausers");
            Inventory once = new InventoryReader(client).read("test", List.of(NS));
            assertThat(once.kind(ResourceKind.KAFKA_USER).state()).isEqualTo(KindStatus.State.FORBIDDEN);
            assertThat(once.kind(ResourceKind.KAFKA_USER).message()).contains("cannot list resource");
            assertThat(once.clusters()).hasSize(1);
            try (LiveInventory live = new LiveInventory(client, "test", List.of(NS), Duration.ofMinutes(10))) {
                live.start();
                await().atMost(EVENTUALLY).until(() ->
                        live.current().kind(ResourceKind.KAFKA_USER).state() == KindStatus.State.FORBIDDEN);
                KindStatus users = live.current().kind(ResourceKind.KAFKA_USER);
                assertThat(users.message()).contains("not allowed to list kafkausers in namespace live")
                        .contains("cannot list resource");
                assertThat(live.current().clusters()).extracting(KafkaCluster::name).containsExactly("visible");
                assertThat(live.current().kind(ResourceKind.KAFKA).state()).isEqualTo(KindStatus.State.OK);
                assertThat(live.current().problems()).anyMatch(p -> p.kind().equals("KafkaUser"));
            }
        }
    }

    @Test
    void silentWatchIsRestartedWithoutLosingTheModel() {
        try (StrimziMockServer server = new StrimziMockServer().strimziV1beta2();
             KubernetesClient client = server.newClient()) {
            server.create(NS, kafka("quiet"));
            try (LiveInventory live = new LiveInventory(client, "test", List.of(NS), Duration.ofMillis(800))) {
                live.start();
                await().atMost(EVENTUALLY).until(() -> live.silentRestarts() >= 8);
                assertThat(live.current().clusters()).extracting(KafkaCluster::name).containsExactly("quiet");
                server.create(NS, kafka("loud"));
                await().atMost(EVENTUALLY).until(() -> live.current().clusters().size() == 2);
            }
        }
    }
}
