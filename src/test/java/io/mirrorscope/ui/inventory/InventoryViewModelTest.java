package io.mirrorscope.ui.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorscope.core.inventory.Inventory;
import io.mirrorscope.core.inventory.KindStatus;
import io.mirrorscope.core.inventory.ResourceKind;
import io.mirrorscope.kube.inventory.InventoryReaderSeedTest;
import io.mirrorscope.ui.topology.TopologySamples;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class InventoryViewModelTest {

    static final Inventory SEED = InventoryReaderSeedTest.readSeed();

    @Test
    void rowsPerPanelWithKeyColumnsAndFilter() {
        InventoryViewModel vm = new InventoryViewModel(Clock.systemUTC());
        vm.setInventory(SEED);
        assertThat(vm.rows(Panel.CLUSTERS)).extracting(r -> r.meta().name())
                .containsExactly("europe-cluster", "us-cluster");
        assertThat(vm.rows(Panel.CLUSTERS).getFirst().columns())
                .containsExactly("2.4.0", "ZooKeeper", "3", "plain tls/tls", "v1beta1");
        assertThat(vm.rows(Panel.MIRRORS).getFirst().columns())
                .containsExactly("MM1", "europe-cluster → us-cluster", ".*", "identity");
        assertThat(vm.rows(Panel.TRACING).getFirst().columns().get(1)).isEqualTo("my-jaeger-query:16686");
        assertThat(vm.summaryProperty().get()).startsWith("8 resources in amq-streams");

        vm.filterProperty().set("EUROPE");
        assertThat(vm.rows(Panel.CLUSTERS)).extracting(r -> r.meta().name()).containsExactly("europe-cluster");
        assertThat(vm.rows(Panel.USERS)).extracting(r -> r.meta().name()).containsExactly("my-europe-user");
        assertThat(vm.rows(Panel.MIRRORS)).hasSize(1); // its link names europe-cluster
        vm.filterProperty().set("");
        assertThat(vm.rows(Panel.USERS)).hasSize(2);
    }

    @Test
    void selectionShowsYamlAndConditionsAndFollowsRefresh() {
        InventoryViewModel vm = new InventoryViewModel(Clock.systemUTC());
        vm.setInventory(SEED);
        vm.select(vm.rows(Panel.CLUSTERS).get(1));
        assertThat(vm.detailsTitleProperty().get())
                .isEqualTo("Kafka amq-streams/us-cluster · kafka.strimzi.io/v1beta1");
        assertThat(vm.yamlProperty().get()).startsWith("apiVersion:").contains("kind: \"Kafka\"")
                .contains("name: \"us-cluster\"")
                .contains("replicas: 3");
        assertThat(vm.conditions()).extracting(c -> c.type() + "=" + c.status()).containsExactly("Ready=True");
        vm.setInventory(InventoryReaderSeedTest.readSeed());
        assertThat(vm.selectedProperty().get().meta().name()).isEqualTo("us-cluster");
        vm.setInventory(Inventory.empty("", List.of()));
        assertThat(vm.selectedProperty().get()).isNull();
        assertThat(vm.yamlProperty().get()).isEmpty();
    }

    @Test
    void panelMessagesSayWhyAndFailingMirrorsShowTheirTask() {
        Inventory.Parts parts = Inventory.Parts.empty();
        parts.kinds().put(ResourceKind.KAFKA_USER, new KindStatus(ResourceKind.KAFKA_USER, KindStatus.State.FORBIDDEN,
                "v1", "not allowed to list kafkausers in namespace x: forbidden"));
        parts.kinds().put(ResourceKind.KAFKA, KindStatus.ok(ResourceKind.KAFKA, "v1"));
        parts.kinds().put(ResourceKind.KAFKA_MIRROR_MAKER_2, KindStatus.ok(ResourceKind.KAFKA_MIRROR_MAKER_2, "v1"));
        parts.clusters().add(TopologySamples.cluster("x", "a", true));
        parts.mirrors().add(TopologySamples.mm2("x", "m", "a", "b", ".*", io.mirrorscope.core.inventory.Health.FAILED));
        InventoryViewModel vm = new InventoryViewModel(Clock.systemUTC());
        vm.setInventory(Inventory.assemble("", List.of("x"), parts));
        assertThat(vm.panelMessageProperty(Panel.USERS).get()).contains("not allowed to list kafkausers");
        assertThat(vm.panelMessageProperty(Panel.CLUSTERS).get()).isEmpty();
        // KafkaMirrorMaker absent (Strimzi 1.x) is normal and says nothing.
        assertThat(vm.panelMessageProperty(Panel.MIRRORS).get()).isEmpty();
        assertThat(vm.panelMessageProperty(Panel.TRACING).get()).contains("Jaeger");
        vm.visiblePanelProperty().set(Panel.MIRRORS);
        vm.select(vm.rows(Panel.MIRRORS).getFirst());
        assertThat(vm.notesProperty().get()).contains("task 0 FAILED").contains("TopicAuthorizationException");
        assertThat(vm.summaryProperty().get()).contains("1 mirror failing");
        assertThat(vm.reconnectingProperty().get()).isFalse();
        parts.kinds().put(ResourceKind.KAFKA, new KindStatus(ResourceKind.KAFKA, KindStatus.State.RECONNECTING, "v1",
                "watch of kafkas in x dropped; reconnecting"));
        vm.setInventory(Inventory.assemble("", List.of("x"), parts));
        assertThat(vm.reconnectingProperty().get()).isTrue();
        assertThat(vm.summaryProperty().get()).contains("reconnecting watches");
        assertThat(vm.rows(Panel.CLUSTERS)).hasSize(1);
    }

    @Test
    void ageIsCompact() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
        InventoryViewModel vm = new InventoryViewModel(clock);
        var meta = new io.mirrorscope.core.inventory.ResourceMeta("Kafka", "v1", "ns", "a", null,
                Instant.parse("2026-11-23T11:00:00Z"), null, null);
        var row = new InventoryRow(Panel.CLUSTERS, meta, io.mirrorscope.core.inventory.Health.READY, List.of(),
                List.of(), List.of());
        assertThat(vm.age(row)).isEqualTo("2d");
    }

    private static Inventory twoClustersWithTwoPoolsEach() {
        Inventory.Parts parts = Inventory.Parts.empty();
        for (String c : List.of("europe", "us")) {
            parts.clusters().add(TopologySamples.cluster("x", c, true));
            for (String role : List.of("broker", "controller")) {
                parts.nodePools().add(new io.mirrorscope.core.inventory.KafkaNodePool(
                        io.mirrorscope.core.inventory.ResourceMeta.of("KafkaNodePool", "kafka.strimzi.io/v1", "x",
                                c + "-" + role + "s"), c, 3, List.of(role), List.of()));
            }
        }
        parts.users().addAll(SEED.users());
        return Inventory.assemble("", List.of("x"), parts);
    }

    @Test
    void nodePoolsAreNotCountedAsClusters() {
        InventoryViewModel vm = new InventoryViewModel(Clock.systemUTC());
        vm.setInventory(twoClustersWithTwoPoolsEach());
        assertThat(vm.rows(Panel.CLUSTERS)).extracting(r -> r.meta().name()).containsExactly("europe", "us");
        assertThat(vm.rows(Panel.NODE_POOLS)).extracting(r -> r.columns().getFirst() + ":" + r.meta().name())
                .containsExactlyInAnyOrder("europe:europe-brokers", "europe:europe-controllers", "us:us-brokers",
                        "us:us-controllers");
    }

    @Test
    void theDetailsFollowTheVisibleTabAndEachTabKeepsItsSelection() {
        InventoryViewModel vm = new InventoryViewModel(Clock.systemUTC());
        vm.setInventory(twoClustersWithTwoPoolsEach());
        vm.select(vm.rows(Panel.CLUSTERS).getLast());
        assertThat(vm.detailsTitleProperty().get()).startsWith("Kafka x/us");

        vm.visiblePanelProperty().set(Panel.USERS);
        assertThat(vm.selectedProperty().get()).as("no cluster shown under the Users tab").isNull();
        assertThat(vm.detailsTitleProperty().get()).isEqualTo("Select a resource");
        // A hidden table's selection changing (e.g. on a refresh) does not take over the details pane.
        vm.select(vm.rows(Panel.CLUSTERS).getFirst());
        assertThat(vm.selectedProperty().get()).isNull();

        vm.visiblePanelProperty().set(Panel.CLUSTERS);
        assertThat(vm.selectedProperty().get().meta().name()).isEqualTo("europe");
        vm.setInventory(twoClustersWithTwoPoolsEach());
        assertThat(vm.selectedProperty().get().meta().name()).isEqualTo("europe");

        vm.reveal(Panel.USERS, SEED.users().getFirst().meta().namespace(), SEED.users().getFirst().meta().name());
        assertThat(vm.visiblePanelProperty().get()).isEqualTo(Panel.USERS);
        assertThat(vm.selectedProperty().get().meta().name()).isEqualTo(SEED.users().getFirst().meta().name());
    }

    @Test
    void doubleClickedRowsOpenAClustersTopicsAndAMirrorMaker2sHealthButNotMirrorMaker1() {
        InventoryViewModel vm = new InventoryViewModel(Clock.systemUTC());
        java.util.List<io.mirrorscope.ui.common.ViewTarget> opened = new java.util.ArrayList<>();
        vm.setOpener(opened::add);
        vm.setInventory(SEED);
        vm.rows(Panel.MIRRORS).forEach(vm::open); // the seed's mirror is MirrorMaker 1
        vm.open(null);
        assertThat(opened).isEmpty();
        InventoryRow cluster = vm.rows(Panel.CLUSTERS).getFirst();
        vm.open(cluster);
        assertThat(opened).containsExactly(new io.mirrorscope.ui.common.ViewTarget.Cluster(cluster.meta().namespace(),
                cluster.meta().name()));
        opened.clear();
        vm.setInventory(io.mirrorscope.ui.topology.TopologySamples.large());
        vm.open(vm.rows(Panel.MIRRORS).getFirst());
        assertThat(opened).singleElement().isInstanceOf(io.mirrorscope.ui.common.ViewTarget.Health.class);
    }
}
