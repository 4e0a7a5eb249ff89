package io.mirrorscope.ui.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorscope.core.inventory.Health;
import io.mirrorscope.core.inventory.Inventory;
import io.mirrorscope.core.inventory.Topology;
import io.mirrorscope.core.inventory.TopologyEdge;
import io.mirrorscope.ui.common.Severity;
import io.mirrorscope.ui.common.ViewTarget;
import io.mirrorscope.ui.health.HealthSamples;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopologyViewModelTest {

    @Test
    void summaryAndSelectionSurviveRefresh() {
        TopologyViewModel vm = new TopologyViewModel();
        Inventory inv = TopologySamples.large();
        vm.setInventory(inv);
        assertThat(vm.summaryProperty().get()).startsWith("20 clusters · 40 links").contains("failing")
                .contains("degraded");
        TopologyEdge failing = inv.topology().edges().stream()
                .filter(e -> e.health() == io.mirrorscope.core.inventory.Health.FAILED).findFirst().orElseThrow();
        vm.select(failing);
        assertThat(vm.selectedMirrorProperty().get()).isEqualTo(failing.mirror());
        assertThat(vm.detailsProperty().get()).contains("State: failed").contains("task 0: FAILED")
                .contains("TopicAuthorizationException").contains("e.g. my-topic → " + failing.link().sourceAlias()
                        + ".my-topic");
        vm.setInventory(TopologySamples.large());
        assertThat(vm.selectedIdProperty().get()).isEqualTo(failing.id());
        vm.select(inv.topology().nodes().getFirst());
        assertThat(vm.selectedMirrorProperty().get()).isNull();
        assertThat(vm.detailsProperty().get()).contains("Kafka kafka/").contains("Listeners").contains("Mirror links");
        vm.setInventory(Inventory.empty("", java.util.List.of()));
        assertThat(vm.selectedIdProperty().get()).isNull();
    }

    /** The sandbox's shape: europe-cluster → us-cluster by my-mirror-maker2, Ready. */
    static Inventory sandboxLike() {
        Inventory.Parts parts = Inventory.Parts.empty();
        parts.clusters().add(TopologySamples.cluster("kafka", "europe-cluster", true));
        parts.clusters().add(TopologySamples.cluster("kafka", "us-cluster", true));
        parts.mirrors().add(TopologySamples.mm2("kafka", "my-mirror-maker2", "europe-cluster", "us-cluster",
                "orders", Health.READY));
        return Inventory.assemble("sandbox", List.of("kafka"), parts);
    }

    @Test
    void theDataVerdictColoursTheReadyLinkAndAStoppedTargetColoursItsCluster() {
        TopologyViewModel vm = new TopologyViewModel();
        Inventory inv = sandboxLike();
        vm.setInventory(inv);
        TopologyEdge link = inv.topology().edges().getFirst();
        assertThat(link.id()).isEqualTo(Topology.edgeId(link.mirror(), 0));
        assertThat(vm.severity(link)).as("the CR alone").isEqualTo(Severity.OK);
        assertThat(vm.tooltip(link)).contains("Data: not read yet").contains("Custom resource: ready");
        int revision = vm.revisionProperty().get();

        HealthSamples world = new HealthSamples();
        world.rounds(5);
        world.targetShare(0.8);
        vm.showHealth("kafka", "my-mirror-maker2", world.rounds(6));
        assertThat(vm.revisionProperty().get()).isGreaterThan(revision);
        assertThat(vm.severity(link)).as("Ready, but records are dropped").isEqualTo(Severity.WARNING);
        assertThat(vm.tooltip(link)).startsWith("my-mirror-maker2: europe-cluster → us-cluster\nData: degraded")
                .contains("drops records that have header `drop`").contains("Custom resource: ready");
        assertThat(vm.summaryProperty().get()).endsWith("1 degraded");
        vm.select(link);
        assertThat(vm.detailsProperty().get()).contains("From the data: degraded");

        vm.showHealth("kafka", "my-mirror-maker2", world.targetUp(false).rounds(3));
        assertThat(vm.severity(link)).isEqualTo(Severity.DANGER);
        assertThat(vm.severity(link.target())).as("us-cluster stopped answering, its CR still Ready")
                .isEqualTo(Severity.DANGER);
        assertThat(vm.severity(link.source())).isEqualTo(Severity.OK);
        assertThat(vm.summaryProperty().get()).endsWith("1 failing");

        vm.showHealth("kafka", "another-mirror", world.targetUp(true).rounds(1));
        assertThat(vm.severity(link)).as("another mirror's round changes nothing here").isEqualTo(Severity.DANGER);
    }

    @Test
    void aLinkStatusBadgeIsShownUntilCleared() {
        TopologyViewModel vm = new TopologyViewModel();
        vm.setInventory(sandboxLike());
        TopologyEdge link = vm.getTopology().edges().getFirst();
        vm.showLinkStatus(link.id(), "lag 120 · 3 missing", Severity.DANGER);
        assertThat(vm.linkStatus(link.id())).isEqualTo(new TopologyViewModel.LinkStatus("lag 120 · 3 missing",
                Severity.DANGER));
        assertThat(vm.tooltip(link)).contains("lag 120 · 3 missing");
        vm.select(link);
        assertThat(vm.detailsProperty().get()).contains("Live: lag 120 · 3 missing");
        vm.clearLinkStatus(link.id());
        assertThat(vm.linkStatus(link.id())).isNull();
        vm.showCompareStatus(link.id(), new io.mirrorscope.core.mirror.LinkCompareStatus("orders",
                "europe-cluster.orders", 1_200, 3.25, 5_000, 24, 2, 0, 0));
        assertThat(vm.linkStatus(link.id())).isEqualTo(new TopologyViewModel.LinkStatus(
                "compare: lag 1,200 (3.3 s) · 24 missing · 2 dup.", Severity.DANGER));
        vm.showCompareStatus(link.id(), new io.mirrorscope.core.mirror.LinkCompareStatus("orders",
                "europe-cluster.orders", 0, 0, 5_000, 0, 0, 0, 0));
        assertThat(vm.linkStatus(link.id())).isEqualTo(new TopologyViewModel.LinkStatus("compare: lag 0",
                Severity.OK));
        vm.showCompareStatus(link.id(), null);
        assertThat(vm.linkStatus(link.id())).isNull();
        assertThat(vm.detailsProperty().get()).doesNotContain("Live:");
    }

    @Test
    void doubleClicksOpenTheClustersTopicsAndTheLinksHealth() {
        TopologyViewModel vm = new TopologyViewModel();
        vm.setInventory(sandboxLike());
        List<ViewTarget> opened = new ArrayList<>();
        vm.setOpener(opened::add);
        TopologyEdge link = vm.getTopology().edges().getFirst();
        vm.open(link);
        vm.open(link.source());
        assertThat(opened).containsExactly(new ViewTarget.Health("kafka", "my-mirror-maker2"),
                new ViewTarget.Cluster("kafka", "europe-cluster"));
        assertThat(vm.healthWantedProperty().get()).isFalse();
        vm.viewOpened();
        vm.viewOpened();
        vm.viewClosed();
        assertThat(vm.healthWantedProperty().get()).as("one view still open").isTrue();
        vm.viewClosed();
        assertThat(vm.healthWantedProperty().get()).isFalse();
    }
}
