package io.mirrorscope.bench;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mirrorscope.core.inventory.Inventory;
import io.mirrorscope.core.inventory.ResourceKind;
import io.mirrorscope.kube.inventory.InventoryFixtures;
import io.mirrorscope.kube.inventory.InventoryReader;
import io.mirrorscope.kube.inventory.LiveInventory;
import io.mirrorscope.kube.inventory.ResourceMapping;
import io.mirrorscope.kube.inventory.StrimziMockServer;
import io.mirrorscope.ui.inventory.InventoryViewModel;
import io.mirrorscope.ui.inventory.Panel;
import io.mirrorscope.ui.topology.TopologyLayout;
import io.mirrorscope.ui.topology.TopologyViewModel;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Inventory bar (design.md: 1,000 Strimzi resources listed and shown ≤ 1 s): 200 Kafka clusters, 300
 * KafkaMirrorMaker2 (one link each, between clusters found by service name) and 500 KafkaTopics.
 *
 * <ul>
 *   <li>{@code listMapTopology}: discovery + list of every kind over HTTP from the fabric8 mock server, mapping,
 *       assembly and topology — what {@code mirrorscope inventory} does.</li>
 *   <li>{@code mapAndAssemble}: the same without HTTP (resources already in memory; what the live model does on
 *       each change).</li>
 *   <li>{@code showInViewModels}: the snapshot into the inventory and topology view models and the topology
 *       layout (everything the views compute before JavaFX draws; drawing is not included).</li>
 *   <li>{@code liveFollowsAChange}: one KafkaTopic changed on the server until the live model (informers, mapping,
 *       assembly) publishes the new value; design.md's bar is 2 s (this replaced a wall-clock assertion in
 *       LiveInventoryTest).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class InventoryBenchmark {

    static final String NS = "bench";
    static final int CLUSTERS = 200;
    static final int MIRRORS = 300;
    static final int TOPICS = 500;

    StrimziMockServer server;
    KubernetesClient liveClient;
    LiveInventory live;
    /** The partition count the current {@code liveFollowsAChange} invocation waits for, and its latch. */
    volatile int wantedPartitions;
    volatile CountDownLatch published = new CountDownLatch(0);
    int partitions = 12;
    InventoryReader reader;
    List<GenericKubernetesResource> resources;
    Inventory inventory;

    /** The 1,000 resources, v1beta2 shapes with statuses. */
    static List<GenericKubernetesResource> generate() {
        List<GenericKubernetesResource> out = new ArrayList<>();
        for (int i = 0; i < CLUSTERS; i++) {
            out.add(InventoryFixtures.yaml("""
                    apiVersion: kafka.strimzi.io/v1beta2
                    kind: Kafka
                    metadata: {name: cluster-%1$d, namespace: bench}
                    spec:
                      kafka:
                        version: 3.9.0
                        replicas: 3
                        listeners:
                        - {name: plain, port: 9092, type: internal, tls: false}
                        - {name: tls, port: 9093, type: internal, tls: true, authentication: {type: tls}}
                      zookeeper: {replicas: 3}
                    status:
                      conditions: [{type: Ready, status: "True"}]
                      kafkaVersion: 3.9.0
                      listeners:
                      - name: plain
                        bootstrapServers: cluster-%1$d-kafka-bootstrap.bench.svc:9092
                        addresses: [{host: cluster-%1$d-kafka-bootstrap.bench.svc, port: 9092}]
                    """.formatted(i)));
        }
        for (int i = 0; i < MIRRORS; i++) {
            int from = i % CLUSTERS;
            int to = (i * 7 + 1) % CLUSTERS;
            out.add(InventoryFixtures.yaml("""
                    apiVersion: kafka.strimzi.io/v1beta2
                    kind: KafkaMirrorMaker2
                    metadata: {name: mm2-%1$d, namespace: bench}
                    spec:
                      replicas: 1
                      connectCluster: c%3$d
                      clusters:
                      - {alias: c%2$d, bootstrapServers: "cluster-%2$d-kafka-bootstrap:9092"}
                      - {alias: c%3$d, bootstrapServers: "cluster-%3$d-kafka-bootstrap.bench.svc:9092"}
                      mirrors:
                      - sourceCluster: c%2$d
                        targetCluster: c%3$d
                        topicsPattern: "orders.*"
                        sourceConnector: {config: {replication.policy.separator: "_"}}
                    status:
                      conditions: [{type: Ready, status: "True"}]
                      connectors:
                      - name: c%2$d->c%3$d.MirrorSourceConnector
                        connector: {state: RUNNING, worker_id: "10.0.0.1:8083"}
                        tasks: [{id: 0, state: RUNNING, worker_id: "10.0.0.1:8083"}]
                    """.formatted(i, from, to)));
        }
        for (int i = 0; i < TOPICS; i++) {
            out.add(InventoryFixtures.yaml("""
                    apiVersion: kafka.strimzi.io/v1beta2
                    kind: KafkaTopic
                    metadata: {name: topic-%d, namespace: bench, labels: {strimzi.io/cluster: cluster-%d}}
                    spec: {partitions: 12, replicas: 3}
                    status:
                      conditions: [{type: Ready, status: "True"}]
                    """.formatted(i, i % CLUSTERS)));
        }
        return out;
    }

    @Setup(Level.Trial)
    public void setUp() {
        resources = generate();
        server = new StrimziMockServer().strimziV1beta2();
        for (GenericKubernetesResource r : resources) {
            server.create(NS, r);
        }
        reader = new InventoryReader(server.client());
        inventory = reader.read("bench", List.of(NS));
        if (inventory.size() != 1000 || inventory.topology().edges().size() != MIRRORS
                || inventory.topology().nodes().size() != CLUSTERS) {
            throw new IllegalStateException("unexpected inventory: " + inventory.size() + " resources, "
                    + inventory.topology().nodes().size() + " nodes, " + inventory.topology().edges().size());
        }
    }

    @Setup(Level.Trial)
    public void startLive() {
        liveClient = server.newClient();
        live = new LiveInventory(liveClient, "bench", List.of(NS), Duration.ofMinutes(10));
        live.addListener(inv -> {
            if (inv.topics().stream().anyMatch(t -> t.meta().name().equals("topic-0")
                    && Integer.valueOf(wantedPartitions).equals(t.partitions()))) {
                published.countDown();
            }
        });
        live.start();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        live.close();
        liveClient.close();
        server.close();
    }

    @Benchmark
    public Inventory listMapTopology() {
        return reader.read("bench", List.of(NS));
    }

    @Benchmark
    public Inventory mapAndAssemble() {
        Inventory.Parts parts = Inventory.Parts.empty();
        for (GenericKubernetesResource r : resources) {
            ResourceMapping.add(parts, ResourceKind.ofKind(r.getKind()), r);
        }
        return Inventory.assemble("bench", List.of(NS), parts);
    }

    /** Change topic-0's partition count on the server and wait until the live model publishes it. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public void liveFollowsAChange() throws InterruptedException {
        partitions++;
        CountDownLatch latch = new CountDownLatch(1);
        wantedPartitions = partitions;
        published = latch;
        GenericKubernetesResource topic = server.client().genericKubernetesResources("kafka.strimzi.io/v1beta2",
                "KafkaTopic").inNamespace(NS).withName("topic-0").get();
        InventoryFixtures.set(topic, partitions, "spec", "partitions");
        server.client().genericKubernetesResources("kafka.strimzi.io/v1beta2", "KafkaTopic").inNamespace(NS)
                .resource(topic).update();
        if (!latch.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the live model did not publish partitions=" + partitions);
        }
    }

    @Benchmark
    public void showInViewModels(Blackhole bh) {
        InventoryViewModel inventoryVm = new InventoryViewModel(Clock.systemUTC());
        inventoryVm.setInventory(inventory);
        TopologyViewModel topologyVm = new TopologyViewModel();
        topologyVm.setInventory(inventory);
        bh.consume(inventoryVm.rows(Panel.TOPICS).size());
        bh.consume(TopologyLayout.layout(topologyVm.getTopology(), 1600, 1000));
    }
}
